using System.Net;
using System.Net.Sockets;
using IncidentBot.Core;
using IncidentBot.Core.Conversations;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Tests.Integration.Rest;

/// <summary>
/// A <see cref="FakeDiscord"/> plus the services wired exactly as production wires them
/// (<c>AddIncidentBotCore</c>, <c>AddIncidentBotConversations</c>, <c>AddIncidentBotDiscord</c>) from in-memory
/// settings pointing at the fake, with every path in a temp folder and every log line captured.
/// </summary>
internal sealed class RestHarness : IAsyncDisposable
{
    /// <summary>Bounds every wait of a test: a hang fails instead of blocking the run.</summary>
    public static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _provider;
    private readonly CancellationTokenSource _timeout;

    private RestHarness(FakeDiscord fake, ServiceProvider provider, RestLogCapture logs, string root, string botToken)
    {
        Fake = fake;
        _provider = provider;
        Logs = logs;
        Root = root;
        BotToken = botToken;
        _timeout = new CancellationTokenSource(TestTimeout);
    }

    public FakeDiscord Fake { get; }

    public IServiceProvider Services => _provider;

    public RestLogCapture Logs { get; }

    public string Root { get; }

    /// <summary>The token the bot was configured with (the fake's token when the test started).</summary>
    public string BotToken { get; }

    /// <summary>Cancelled when the test has run for <see cref="TestTimeout"/>.</summary>
    public CancellationToken Timeout => _timeout.Token;

    public DiscordRestClient Rest => _provider.GetRequiredService<DiscordRestClient>();

    public CommandRegistrar Registrar => _provider.GetRequiredService<CommandRegistrar>();

    public DiscordRateLimitState State => _provider.GetRequiredService<DiscordRateLimitState>();

    public DiscordOptions Options => _provider.GetRequiredService<IOptions<DiscordOptions>>().Value;

    /// <param name="settings">Merged over the defaults (token, application id and API URL of the fake, temp paths).</param>
    /// <param name="time">Replaces the system clock (registered before the production services, which only TryAdd theirs).</param>
    public static async Task<RestHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var fake = await FakeDiscord.StartAsync();

        // A token that cannot appear in any log by accident, so the log assertions mean something.
        fake.Token = "bot-token-" + Guid.NewGuid().ToString("N");
        var root = Path.Combine(Path.GetTempPath(), "ibrest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var values = new Dictionary<string, string?>
        {
            ["Discord:Token"] = fake.Token,
            ["Discord:ApplicationId"] = fake.ApplicationId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl.ToString(),
            ["Discord:RestRetryDelayMs"] = "20",
            ["Seeds:Path"] = Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds"),
            ["Index:Path"] = Path.Combine(root, "index"),
            ["Data:Path"] = Path.Combine(root, "data", "incidentbot.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new RestLogCapture();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddIncidentBotCore(configuration);
        services.AddIncidentBotConversations(configuration);
        services.AddIncidentBotDiscord(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var harness = new RestHarness(fake, provider, logs, root, fake.Token);

        // What ValidateOnStart does in the host: a bad setting fails here, not as a confusing REST error later.
        _ = harness.Options;
        return harness;
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Polls <paramref name="condition"/> until true; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {timeout} waiting for: {what}");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Fake.DisposeAsync();
        _timeout.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
