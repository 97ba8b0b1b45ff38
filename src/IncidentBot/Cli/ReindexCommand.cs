using System.CommandLine;
using System.Globalization;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Cli;

/// <summary><c>reindex [--force]</c>: rebuilds the index from the seeds when they changed.</summary>
internal static class ReindexCommand
{
    public static Command Create(CliConsole console)
    {
        var seeds = CliOptions.Seeds();
        var index = CliOptions.Index();
        var force = new Option<bool>("--force") { Description = "Rebuild even when the seeds are unchanged, and publish even when the golden questions fare worse" };
        var command = new Command("reindex", "Rebuild the search index from the seed documents") { seeds, index, force };
        command.SetAction(async (parse, ct) =>
        {
            return await CliSession.RunAsync(console, parse, seeds, index, needsIndex: false, async session =>
            {
                var incidentIndex = session.Services.GetRequiredService<IncidentIndex>();
                var result = await incidentIndex.ReindexAsync(parse.GetValue(force), ct).ConfigureAwait(false);
                await session.PrintWarningsAsync(result).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    await console.Error.WriteLineAsync($"error: {result.Error}").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }

                await console.Out.WriteLineAsync(Describe(result, incidentIndex.IndexPath)).ConfigureAwait(false);
                if (result.Golden is { } golden)
                {
                    await console.Out.WriteLineAsync(golden.Summary).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static string Describe(ReindexResult result, string indexPath)
    {
        var snapshot = result.Index!;
        var what = result.Status == ReindexStatus.Built ? "Indexed" : "Unchanged (use --force to rebuild):";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{what} {snapshot.Documents} documents, {snapshot.Paragraphs} paragraphs, {snapshot.Sentences} sentences in {result.Elapsed.TotalMilliseconds:F0} ms → {indexPath}");
    }
}
