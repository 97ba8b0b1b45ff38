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

    /// <summary>Builds the session; returns an error (exit code 2) when the configuration is invalid.</summary>
    public static (CliSession? Session, string? Error) Create(CliConsole console, string? seeds, string? index, bool verbose)
    {
        var contentRoot = AppPaths.FindContentRoot(Directory.GetCurrentDirectory());
        var overrides = new Dictionary<string, string?>();

        // Flags are paths typed by a person, so they are relative to the current folder.
        if (seeds is not null)
        {
            overrides["Seeds:Path"] = Path.GetFullPath(seeds);
        }

        if (index is not null)
        {
            overrides["Index:Path"] = Path.GetFullPath(index);
        }

        var configuration = new ConfigurationBuilder().AddIncidentBotSources(contentRoot, overrides).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter(level => level >= (verbose ? LogLevel.Information : LogLevel.Error)));
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
