using System.CommandLine;
using IncidentBot.Configuration;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Cli;

/// <summary>The services one CLI verb runs with: settings layered with its flags, logging to stderr.</summary>
internal sealed class CliSession : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CliSession(ServiceProvider provider, CliConsole console)
    {
        _provider = provider;
        Console = console;
    }

    public CliConsole Console { get; }

    public IServiceProvider Services => _provider;

    /// <summary>
    /// Runs one verb's body in a session: a configuration error is a usage error (exit 2); when the verb
    /// needs the index and none can be opened or built, the error is printed and the exit code is 1.
    /// <paramref name="settings"/> are more overrides from the verb's own flags.
    /// </summary>
    public static async Task<int> RunAsync(
        CliConsole console,
        ParseResult parse,
        Option<string?>? seeds,
        Option<string?>? index,
        bool needsIndex,
        Func<CliSession, Task<int>> body,
        CancellationToken ct,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var overrides = CliOptions.PathOverrides(seeds is null ? null : parse.GetValue(seeds), index is null ? null : parse.GetValue(index));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var (session, error) = Create(console, overrides, CliApp.IsVerbose(parse));
        if (session is null)
        {
            await console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using (session.ConfigureAwait(false))
        {
            if (needsIndex && !await session.EnsureIndexAsync(ct).ConfigureAwait(false))
            {
                return ExitCodes.Failure;
            }

            return await body(session).ConfigureAwait(false);
        }
    }

    /// <summary>Builds the session; returns an error (exit code 2) when the configuration is invalid.</summary>
    private static (CliSession? Session, string? Error) Create(CliConsole console, Dictionary<string, string?> overrides, bool verbose)
    {
        var contentRoot = AppPaths.FindContentRoot(Directory.GetCurrentDirectory());
        var configuration = new ConfigurationBuilder().AddIncidentBotSources(contentRoot, overrides).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // Without --verbose the CLI reports through its own one-line errors and warnings, never log lines.
        services.AddLogging(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter(level => verbose ? level >= LogLevel.Information : level == LogLevel.None));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddIncidentBotHost(configuration, contentRoot);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        if (HostSetup.ValidateOptions(provider) is { } error)
        {
            provider.Dispose();
            return (null, error);
        }

        return (new CliSession(provider, console), null);
    }

    /// <summary>Opens the index, building it when missing or stale; false (with the error printed) when none can be opened.</summary>
    public async Task<bool> EnsureIndexAsync(CancellationToken ct)
    {
        var index = _provider.GetRequiredService<IncidentIndex>();
        var result = await index.EnsureReadyAsync(ct).ConfigureAwait(false);
        await PrintWarningsAsync(result).ConfigureAwait(false);
        if (index.IsReady)
        {
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync($"warning: {result.Error} Answering from the previous index.").ConfigureAwait(false);
            }

            return true;
        }

        await Console.Error.WriteLineAsync($"error: {result.Error}").ConfigureAwait(false);
        return false;
    }

    public async Task PrintWarningsAsync(ReindexResult result)
    {
        foreach (var warning in result.Warnings)
        {
            await Console.Error.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
