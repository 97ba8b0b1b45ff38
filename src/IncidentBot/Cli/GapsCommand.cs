using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Feedback;
using IncidentBot.Http;

namespace IncidentBot.Cli;

/// <summary>
/// <c>gaps</c>: the most frequent questions the documents did not answer or answered unhelpfully, grouped by
/// shared words, read from the question store (<c>Data:Path</c>), so document owners know what to add.
/// </summary>
internal static class GapsCommand
{
    public static Command Create(CliConsole console)
    {
        var days = CliOptions.Bounded("--days", "How many days back to look", GapFinder.DefaultDays, 1, GapFinder.MaxDays);
        var top = CliOptions.Bounded("--top", "How many groups to show", GapFinder.DefaultTop, 1, GapFinder.MaxTop);
        var data = new Option<string?>("--data") { Description = "SQLite file of asked questions (overrides Data:Path)", HelpName = "FILE" };
        var json = CliOptions.Json();
        var command = new Command("gaps", "Show the questions the documents do not answer well, grouped by shared words") { days, top, data, json };
        command.SetAction(async (parse, ct) =>
        {
            return await CliSession.RunAsync(console, parse, null, null, needsIndex: false, async session =>
            {
                // Reading would create an empty database: a mistyped path must say so instead of reporting no gaps.
                var file = session.Services.GetRequiredService<ConversationStore>().DatabasePath;
                if (!File.Exists(file))
                {
                    await console.Error.WriteLineAsync($"error: no question store at {file} (Data:Path); the service records questions there as people ask them").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }

                var report = await session.Services.GetRequiredService<GapFinder>().FindAsync(parse.GetValue(days), parse.GetValue(top), ct).ConfigureAwait(false);
                if (report is null)
                {
                    await console.Error.WriteLineAsync("error: the question store cannot be read (see Data:Path); run with --verbose for details").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }

                if (parse.GetValue(json))
                {
                    await console.Out.WriteLineAsync(JsonSerializer.Serialize(report, HostJsonContext.Default.GapReport)).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                await WriteTextAsync(console.Out, report).ConfigureAwait(false);
                return ExitCodes.Success;
            }, ct, parse.GetValue(data) is { Length: > 0 } file ? new Dictionary<string, string?> { ["Data:Path"] = Path.GetFullPath(file) } : null).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, GapReport report)
    {
        if (report.Gaps.Count == 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"No unanswered or unhelpful questions in the last {report.Days} days.")).ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Questions the documents did not answer well, last {report.Days} days ({report.WeakQuestions} questions):")).ConfigureAwait(false);
        for (var i = 0; i < report.Gaps.Count; i++)
        {
            var gap = report.Gaps[i];
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{i + 1,2}. {string.Join(", ", gap.Words)}: {gap.Questions} questions ({gap.Unanswered} unanswered, {gap.NotHelpful} not helpful), last {gap.LastAsked:yyyy-MM-dd}")).ConfigureAwait(false);
            foreach (var example in gap.Examples)
            {
                await output.WriteLineAsync($"      \"{example}\"").ConfigureAwait(false);
            }
        }
    }
}
