using System.CommandLine;
using IncidentBot.Http;

namespace IncidentBot.Cli;

/// <summary>The command line: <c>serve</c> (the default), <c>ask</c>, <c>reindex</c>, <c>sources</c>, <c>eval</c>, <c>gaps</c>, <c>timeline</c>, <c>discord</c>, <c>health</c>.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct)
    {
        var root = new RootCommand("IncidentBot: cited answers about an incident from its documents.")
        {
            CliOptions.Verbose(),
            AskCommand.Create(console),
            ReindexCommand.Create(console),
            SourcesCommand.Create(console),
            EvalCommand.Create(console),
            GapsCommand.Create(console),
            TimelineCommand.Create(console),
            DiscordCommand.Create(console),
            HealthCommand.Create(console),
        };
        var serve = new ServeCommand(console);
        root.Add(serve.Create());

        // No verb means serve: the container's entry point and `dotnet run` start the service.
        foreach (var option in serve.Options)
        {
            root.Add(option);
        }

        root.SetAction(serve.RunAsync);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line a person can act on; the first error is the one to fix.
            await console.Error.WriteLineAsync($"error: {parse.Errors[0].Message} (see 'incidentbot --help')").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C (System.CommandLine cancels the verb's token) or the caller's token.
            await console.Error.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // The one place a bug surfaces to a person: one clear line, the stack trace only on request.
            await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            if (IsVerbose(parse))
            {
                await console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Failure;
        }
    }

    public static bool IsVerbose(ParseResult parse) => parse.GetValue<bool>(CliOptions.VerboseName);
}
