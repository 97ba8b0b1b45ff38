using System.CommandLine;
using System.Text.Json;
using IncidentBot.Core.Answers;

namespace IncidentBot.Cli;

/// <summary><c>ask "QUESTION"</c>, or <c>ask -</c> to answer one question per stdin line.</summary>
internal static class AskCommand
{
    public static Command Create(CliConsole console)
    {
        var question = new Argument<string>("question") { Description = "The question, or - to read one question per line from stdin" };
        var json = CliOptions.Json();
        var top = CliOptions.Bounded("--top", $"How many citations to show (1-{AnswerEngine.MaxCitations})", AnswerEngine.DefaultCitations, 1, AnswerEngine.MaxCitations);
        var seeds = CliOptions.Seeds();
        var index = CliOptions.Index();
        var asOf = CliOptions.AsOf();
        var command = new Command("ask", "Answer a question from the documents, with citations") { question, json, top, asOf, seeds, index };
        command.SetAction(async (parse, ct) =>
        {
            // A question that can never be asked is a usage error, reported before any index work.
            var text = parse.GetRequiredValue(question);
            if (text != "-" && QuestionSanitizer.Sanitize(text).Error is { } invalid)
            {
                await console.Error.WriteLineAsync($"error: {invalid}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            return await CliSession.RunAsync(console, parse, seeds, index, needsIndex: true, async session =>
            {
                var engine = session.Services.GetRequiredService<AnswerEngine>();
                var cutoff = CliOptions.AsOfValue(parse, asOf);
                return text == "-"
                    ? await AskBatchAsync(engine, console, parse.GetValue(json), parse.GetValue(top), cutoff, ct).ConfigureAwait(false)
                    : await AskOneAsync(engine, console, text, parse.GetValue(json), parse.GetValue(top), cutoff).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> AskOneAsync(AnswerEngine engine, CliConsole console, string question, bool json, int top, DateOnly? asOf)
    {
        var result = engine.Ask(question, top, asOf);
        if (!result.IsSuccess)
        {
            await console.Error.WriteLineAsync($"error: {result.Error}").ConfigureAwait(false);
            return result.ErrorKind == AskErrorKind.InvalidQuestion ? ExitCodes.Usage : ExitCodes.Failure;
        }

        await console.Out.WriteAsync(json
            ? JsonSerializer.Serialize(result.Answer, AnswerJsonContext.Default.Answer) + Environment.NewLine
            : AnswerTextRenderer.Render(result.Answer, console.UseAnsi)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>One output per input line, in input order; a bad line gets an error object, never a crash.</summary>
    private static async Task<int> AskBatchAsync(AnswerEngine engine, CliConsole console, bool json, int top, DateOnly? asOf, CancellationToken ct)
    {
        while (await console.In.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            var result = engine.Ask(line, top, asOf);
            string output;
            if (json)
            {
                output = result.IsSuccess
                    ? JsonSerializer.Serialize(result.Answer, AnswerJsonContext.Default.Answer)
                    : JsonSerializer.Serialize(new AskError(line, result.Error), AnswerJsonContext.Default.AskError);
            }
            else
            {
                output = result.IsSuccess ? AnswerTextRenderer.Render(result.Answer, console.UseAnsi) : $"error: {result.Error}{Environment.NewLine}";
            }

            await console.Out.WriteLineAsync(output).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
