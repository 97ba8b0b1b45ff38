using System.CommandLine;
using System.Text.Json;
using IncidentBot.Core.Timeline;
using IncidentBot.Http;

namespace IncidentBot.Cli;

/// <summary><c>timeline [--as-of YYYY-MM-DD] [--json]</c>: the incident's dated events in order, each with its sentence and citation.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliConsole console)
    {
        var asOf = CliOptions.AsOf();
        var seeds = CliOptions.Seeds();
        var index = CliOptions.Index();
        var json = CliOptions.Json();
        var command = new Command("timeline", "List the incident's dated events in order, with their sentences and sources") { asOf, seeds, index, json };
        command.SetAction(async (parse, ct) =>
        {
            return await CliSession.RunAsync(console, parse, seeds, index, needsIndex: true, async session =>
            {
                var cutoff = CliOptions.AsOfValue(parse, asOf);
                var events = session.Services.GetRequiredService<IncidentTimeline>().Build(cutoff);
                if (parse.GetValue(json))
                {
                    await console.Out.WriteLineAsync(JsonSerializer.Serialize(TimelineResponse.From(events, cutoff), HostJsonContext.Default.TimelineResponse)).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                if (events.Count == 0)
                {
                    await console.Out.WriteLineAsync("No dated events in the documents.").ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                foreach (var e in events)
                {
                    var where = $"{e.Citation.Source}, paragraph {e.Citation.Paragraph}";
                    await console.Out.WriteLineAsync($"{e.When,-10}  {AnswerTextRenderer.Mark(e.Sentence, [e.Expression], ansi: false)}  [{where}]").ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }
}
