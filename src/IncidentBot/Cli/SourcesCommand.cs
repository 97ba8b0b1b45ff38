using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IncidentBot.Core.Indexing;
using IncidentBot.Http;

namespace IncidentBot.Cli;

/// <summary><c>sources</c>: the indexed documents with title, date and size.</summary>
internal static class SourcesCommand
{
    public static Command Create(CliConsole console)
    {
        var seeds = CliOptions.Seeds();
        var index = CliOptions.Index();
        var json = CliOptions.Json();
        var command = new Command("sources", "List the indexed documents") { seeds, index, json };
        command.SetAction(async (parse, ct) =>
        {
            return await CliSession.RunAsync(console, parse, seeds, index, needsIndex: true, async session =>
            {
                var sources = session.Services.GetRequiredService<SourceCatalog>().List();
                if (parse.GetValue(json))
                {
                    await console.Out.WriteLineAsync(JsonSerializer.Serialize(sources, HostJsonContext.Default.IReadOnlyListSourceInfo)).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                foreach (var source in sources)
                {
                    await console.Out.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{source.Source}  {source.Date ?? "(no date)"}  {source.SizeBytes:N0} bytes  {source.Paragraphs} paragraphs  {source.Title}")).ConfigureAwait(false);
                }

                await console.Out.WriteLineAsync($"{sources.Count} documents").ConfigureAwait(false);
                return ExitCodes.Success;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }
}
