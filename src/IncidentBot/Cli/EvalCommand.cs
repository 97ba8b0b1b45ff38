using System.CommandLine;
using System.Globalization;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Evaluation;

namespace IncidentBot.Cli;

/// <summary><c>eval QUESTIONS.jsonl</c>: measures hit@1, hit@3, abstentions and latency on a question set.</summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("questions") { Description = "JSONL question set" };
        var seeds = CliOptions.Seeds();
        var index = CliOptions.Index();
        var minHit1 = new Option<double?>("--min-hit1") { Description = "Exit with 1 when hit@1 is below this (0-1)", HelpName = "X" };
        minHit1.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && double.TryParse(r.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is < 0 or > 1)
            {
                r.AddError("--min-hit1 must be between 0 and 1.");
            }
        });
        var misses = new Option<int>("--misses") { Description = "Print up to N questions the engine got wrong", HelpName = "N" };
        var command = new Command("eval", "Measure answer quality and latency on a question set") { file, seeds, index, minHit1, misses };
        command.SetAction(async (parse, ct) =>
        {
            var (questions, readError) = EvalSetReader.Read(Path.GetFullPath(parse.GetRequiredValue(file)));
            if (questions is null)
            {
                await console.Error.WriteLineAsync($"error: {readError}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            return await CliSession.RunAsync(console, parse, seeds, index, needsIndex: true, async session =>
            {
                var report = EvalRunner.Run(session.Services.GetRequiredService<AnswerEngine>(), questions, ct);
                foreach (var miss in report.Misses.Take(parse.GetValue(misses)))
                {
                    await console.Out.WriteLineAsync($"miss: {miss.Question}\n  expected: {string.Join(" | ", miss.Expected)}\n  got: {miss.Answer}").ConfigureAwait(false);
                }

                await console.Out.WriteLineAsync(Summarize(report)).ConfigureAwait(false);
                var threshold = parse.GetValue(minHit1);
                if (threshold is { } min && report.Hit1 < min)
                {
                    await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"error: hit@1 {report.Hit1:F3} is below --min-hit1 {min:F3}")).ConfigureAwait(false);
                    return ExitCodes.Failure;
                }

                return ExitCodes.Success;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static string Summarize(EvalReport r) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        questions: {r.Questions} ({r.Answerable} answerable, {r.Unanswerable} unanswerable)
        hit@1: {r.Hit1:F3}
        hit@3: {r.Hit3:F3}
        correct abstentions: {r.CorrectAbstentions}/{r.Unanswerable}
        false abstentions: {r.FalseAbstentions}/{r.Answerable} ({(r.Answerable == 0 ? 0 : (double)r.FalseAbstentions / r.Answerable):P1})
        latency per question: p50 {r.LatencyP50Ms:F3} ms, p99 {r.LatencyP99Ms:F3} ms, mean {r.LatencyMeanMs:F3} ms
        wall time: {r.WallMs:F0} ms
        calibration of answered questions (confidence: answers, mean confidence, share right; error {r.CalibrationError:F3}):
        {string.Join('\n', r.Calibration.Select(b => $"  {b.From:F1}-{b.To:F1}: {b.Answers,5}, {b.MeanConfidence:F3}, {b.ShareRight:F3}"))}
        """);
}
