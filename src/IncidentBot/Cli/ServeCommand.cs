using System.CommandLine;
using IncidentBot.Configuration;
using IncidentBot.Hosting;
using IncidentBot.Http;
using Microsoft.Extensions.Options;

namespace IncidentBot.Cli;

/// <summary><c>serve [--urls URL]</c> (the default verb): runs the HTTP service until stopped.</summary>
internal sealed class ServeCommand
{
    private readonly Option<string?> _urls = new("--urls") { Description = "Addresses to listen on (default http://localhost:8080, or ASPNETCORE_URLS)", HelpName = "URL" };
    private readonly Option<string?> _seeds = CliOptions.Seeds();
    private readonly Option<string?> _index = CliOptions.Index();
    private readonly CliConsole _console;

    public ServeCommand(CliConsole console) => _console = console;

    /// <summary>The options, added both to <c>serve</c> and to the root command (no verb means serve).</summary>
    public IEnumerable<Option> Options => [_urls, _seeds, _index];

    public Command Create()
    {
        var command = new Command("serve", "Run the service (the default)") { _urls, _seeds, _index };
        command.SetAction(RunAsync);
        return command;
    }

    public async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var overrides = CliOptions.PathOverrides(parse.GetValue(_seeds), parse.GetValue(_index));

        try
        {
            var app = ServiceApp.Build(parse.GetValue(_urls), overrides);
            await using (app.ConfigureAwait(false))
            {
                // Checked before starting, so a bad setting is one line, not the host's start-up failure log.
                if (HostSetup.ValidateOptions(app.Services, discord: true) is { } error)
                {
                    await _console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                // Read before running: RunAsync disposes the services when the host stops.
                var exitCode = app.Services.GetRequiredService<ServiceExitCode>();
                try
                {
                    await app.RunAsync(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (exitCode.Failure is not null && !ct.IsCancellationRequested)
                {
                    // A front end failed fatally while the host was still starting: start-up was cancelled by it.
                }

                if (exitCode.Failure is { } failure)
                {
                    await _console.Error.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }
            }
        }
        catch (OptionsValidationException e)
        {
            await _console.Error.WriteLineAsync("error: Invalid configuration: " + string.Join(" ", e.Failures)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            // The host validates every section at start and reports several bad sections together.
            var failures = e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures);
            await _console.Error.WriteLineAsync("error: Invalid configuration: " + string.Join(" ", failures)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return ExitCodes.Success;
    }
}
