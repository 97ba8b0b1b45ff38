using System.CommandLine;
using IncidentBot.Http;

namespace IncidentBot.Cli;

/// <summary><c>serve [--urls URL]</c> (the default verb): runs the HTTP service until stopped.</summary>
internal static class ServeCommand
{
    private static readonly Option<string?> UrlsOption = new("--urls") { Description = "Addresses to listen on (default http://localhost:8080, or ASPNETCORE_URLS)", HelpName = "URL" };
    private static readonly Option<string?> SeedsOption = CliOptions.Seeds();
    private static readonly Option<string?> IndexOption = CliOptions.Index();

    public static Command Create(CliConsole console)
    {
        var command = new Command("serve", "Run the service (the default)") { UrlsOption, SeedsOption, IndexOption };
        command.SetAction((parse, ct) => RunAsync(parse, console, ct));
        return command;
    }

    public static IEnumerable<Option> SharedOptions => [UrlsOption, SeedsOption, IndexOption];

    public static async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken ct)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(SeedsOption) is { } seeds)
        {
            overrides["Seeds:Path"] = Path.GetFullPath(seeds);
        }

        if (parse.GetValue(IndexOption) is { } index)
        {
            overrides["Index:Path"] = Path.GetFullPath(index);
        }

        WebApplication app;
        try
        {
            app = ServiceApp.Build(parse.GetValue(UrlsOption), overrides);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await console.Error.WriteLineAsync("error: Invalid configuration: " + string.Join(" ", e.Failures)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.RunAsync(ct).ConfigureAwait(false);
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException e)
            {
                await console.Error.WriteLineAsync("error: Invalid configuration: " + string.Join(" ", e.Failures)).ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        return ExitCodes.Success;
    }
}
