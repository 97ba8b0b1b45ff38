using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Indexing;
using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>
/// The real bot against <see cref="FakeDiscord"/>: a real <see cref="ServiceCollection"/> built the way the
/// service builds it (Core, Conversations, Discord), the index opened from the test seed, the interaction
/// workers and the <see cref="GatewayClient"/> running in the background as <c>DiscordService</c> runs them.
/// Protocol waits are shortened through <see cref="GatewayTimings"/> (registered before the extension, which
/// only TryAdds its own). Disposing stops everything, then checks the gateway payload limits on every
/// connection the client opened (no frame over 4096 bytes, no 4002 close).
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    /// <summary>For every wait that should succeed: long enough never to flake, short enough that a hang fails.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>A Hello interval whose first (jittered, 0.5) heartbeat comes after any test is over.</summary>
    public const int QuietIntervalMs = 60_000;

    public const string SessionId = "session-1";

    /// <summary>The question the seed answers ("over 1,400 users were targeted").</summary>
    public const string AnswerableQuestion = "How many users were targeted?";

    private readonly CancellationTokenSource _stop = new();
    private readonly List<FakeGatewayConnection> _connections = [];
    private readonly Lock _gate = new();
    private readonly string _root;
    private Task _workers = Task.CompletedTask;
    private int _disposed;

    private GatewayHarness(FakeDiscord fake, ServiceProvider services, LogCollector logs, GatewayTimings timings, string root)
    {
        Fake = fake;
        Services = services;
        Logs = logs;
        Timings = timings;
        _root = root;
    }

    public FakeDiscord Fake { get; }

    public ServiceProvider Services { get; }

    public LogCollector Logs { get; }

    public GatewayTimings Timings { get; }

    /// <summary>The running <see cref="GatewayClient.RunAsync"/>: completes only on a fatal close (or a bug).</summary>
    public Task<GatewayRunResult> Gateway { get; private set; } = null!;

    public static GatewayTimings ShortTimings() => new()
    {
        BackoffBase = TimeSpan.FromMilliseconds(50),
        BackoffCap = TimeSpan.FromMilliseconds(500),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(50),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(100),
        IdentifyWindow = TimeSpan.FromMilliseconds(300),
        HelloTimeout = TimeSpan.FromSeconds(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        Random = () => 0.5,
    };

    /// <param name="configureFake">Runs before the bot starts (token, shards, concurrency).</param>
    /// <param name="config">Extra or overriding configuration keys.</param>
    /// <param name="timings">Changes to <see cref="ShortTimings"/>.</param>
    public static async Task<GatewayHarness> StartAsync(
        Action<FakeDiscord>? configureFake = null,
        IEnumerable<KeyValuePair<string, string?>>? config = null,
        Func<GatewayTimings, GatewayTimings>? timings = null)
    {
        var fake = await FakeDiscord.StartAsync();
        var root = Path.Combine(Path.GetTempPath(), "incidentbot-gateway-" + Guid.NewGuid().ToString("N"));
        ServiceProvider? services = null;
        try
        {
            configureFake?.Invoke(fake);
            Directory.CreateDirectory(root);
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Seeds:Path"] = Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds"),
                ["Index:Path"] = Path.Combine(root, "index"),
                ["Data:Path"] = Path.Combine(root, "incidentbot.db"),
                ["Discord:Token"] = fake.Token,
                ["Discord:ApplicationId"] = fake.ApplicationId,
                ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl.AbsoluteUri,
                ["Discord:RestRetryDelayMs"] = "10",
                ["Discord:QuestionsPerWindow"] = "0",
            };
            foreach (var (key, value) in config ?? [])
            {
                settings[key] = value;
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var logs = new LogCollector();
            var gatewayTimings = (timings ?? (t => t))(ShortTimings());
            var collection = new ServiceCollection();
            collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
            collection.AddSingleton<IConfiguration>(configuration);
            collection.AddSingleton(gatewayTimings);
            collection.AddIncidentBotCore(configuration);
            collection.AddIncidentBotConversations(configuration);
            collection.AddIncidentBotDiscord(configuration);
            services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

            var harness = new GatewayHarness(fake, services, logs, gatewayTimings, root);
            using (var ready = new CancellationTokenSource(Wait))
            {
                var index = await services.GetRequiredService<IncidentIndex>().EnsureReadyAsync(ready.Token);
                Assert.True(index.Succeeded, "The seed index did not build: " + index.Error);
            }

            harness.Start();
            return harness;
        }
        catch
        {
            if (services is not null)
            {
                await services.DisposeAsync();
            }

            await fake.DisposeAsync();
            TryDelete(root);
            throw;
        }
    }

    /// <summary>The next gateway connection the client opens (fails after <see cref="Wait"/> or <paramref name="timeout"/>).</summary>
    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        var connection = await Fake.NextConnectionAsync(timeout ?? Wait);
        lock (_gate)
        {
            _connections.Add(connection);
        }

        return connection;
    }

    /// <summary>
    /// Next connection, Hello, Identify (returned), READY with <see cref="SessionId"/> (s = 1), then an op 1
    /// request whose answer (d = 1) proves the client has processed READY: a test that drops the socket next
    /// must not race READY still being in flight.
    /// </summary>
    public async Task<(FakeGatewayConnection Connection, GatewayFrame Identify)> ConnectReadyAsync(int heartbeatIntervalMs = QuietIntervalMs)
    {
        var connection = await NextConnectionAsync();
        await connection.SendHelloAsync(heartbeatIntervalMs);
        var identify = await connection.ExpectAsync(2, Wait);
        var sequence = await connection.SendReadyAsync(SessionId, Fake.ResumeGatewayUrl);
        await connection.SendHeartbeatRequestAsync();
        while (GatewayAssert.Sequence(await connection.ExpectAsync(1, Wait)) != sequence)
        {
        }

        return (connection, identify);
    }

    /// <summary>Sends INTERACTION_CREATE with <paramref name="interaction"/> as <c>d</c>; returns its sequence.</summary>
    public static Task<int> DispatchAsync(FakeGatewayConnection connection, JsonObject interaction) =>
        connection.SendDispatchAsync("INTERACTION_CREATE", interaction);

    /// <summary>The callback POSTed for <paramref name="interaction"/>: the raw request and its parsed body.</summary>
    public async Task<(RecordedRequest Request, JsonElement Body)> WaitForCallbackAsync(JsonObject interaction, TimeSpan? timeout = null)
    {
        var path = $"/api/v10/interactions/{Id(interaction)}/{Token(interaction)}/callback";
        var request = await Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == path, timeout ?? Wait);
        return (request, Parse(request.Body));
    }

    /// <summary>The PATCH of <c>@original</c> for <paramref name="interaction"/>.</summary>
    public async Task<(RecordedRequest Request, JsonElement Body)> WaitForEditAsync(JsonObject interaction, TimeSpan? timeout = null)
    {
        var path = $"/api/v10/webhooks/{Fake.ApplicationId}/{Token(interaction)}/messages/@original";
        var request = await Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == path, timeout ?? Wait);
        return (request, Parse(request.Body));
    }

    /// <summary>True once a REST request touched this interaction (callback or webhook).</summary>
    public bool WasAnswered(JsonObject interaction) =>
        Fake.Requests.Any(r => r.Path.Contains(Token(interaction), StringComparison.Ordinal));

    /// <summary>Waits until a log line matches.</summary>
    public async Task<LogLine> WaitForLogAsync(Func<LogLine, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? Wait);
        while (true)
        {
            var line = Logs.Lines.FirstOrDefault(match);
            if (line is not null)
            {
                return line;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException("No matching log line. Logs:" + Environment.NewLine + Logs.Dump());
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Stops the bot as the host does on shutdown (the gateway task then ends with cancellation).</summary>
    public Task StopAsync() => _stop.CancelAsync();

    public static string Id(JsonObject interaction) => interaction["id"]!.GetValue<string>();

    public static string Token(JsonObject interaction) => interaction["token"]!.GetValue<string>();

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        var problems = new List<string>();
        await _stop.CancelAsync();
        try
        {
            await Gateway.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }
        catch (TimeoutException)
        {
            problems.Add("GatewayClient.RunAsync did not stop within 5 s of cancellation");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add("GatewayClient.RunAsync failed: " + ex);
        }

        try
        {
            await _workers.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            problems.Add("the interaction workers did not stop within 5 s of cancellation");
        }

        await Services.GetRequiredService<DeferredReplies>().DrainAsync(TimeSpan.FromSeconds(5));

        // Connections the test never looked at count too.
        while (true)
        {
            try
            {
                await NextConnectionAsync(TimeSpan.FromMilliseconds(50));
            }
            catch (TimeoutException)
            {
                break;
            }
        }

        problems.AddRange(PayloadLimitProblems());
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
        _stop.Dispose();
        TryDelete(_root);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Gateway harness: " + string.Join("; ", problems));
        }
    }

    /// <summary>Every frame the client sent on any connection fits 4096 bytes, and the fake never closed with 4002.</summary>
    public IReadOnlyList<string> PayloadLimitProblems()
    {
        List<FakeGatewayConnection> connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }

        var problems = new List<string>();
        foreach (var connection in connections)
        {
            if (connection.ServerCloseCode == 4002)
            {
                problems.Add($"the fake closed a connection with 4002 ({connection.ServerCloseReason})");
            }

            problems.AddRange(connection.Received
                .Where(frame => Encoding.UTF8.GetByteCount(frame.Raw) > GatewayConnection.MaxPayloadBytes)
                .Select(frame => $"a {Encoding.UTF8.GetByteCount(frame.Raw).ToString(CultureInfo.InvariantCulture)}-byte op {frame.Op.ToString(CultureInfo.InvariantCulture)} frame"));
        }

        return problems;
    }

    /// <summary>The connections seen so far (through <see cref="NextConnectionAsync"/>).</summary>
    public IReadOnlyList<FakeGatewayConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    private static void TryDelete(string root)
    {
        try
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Like <c>DiscordService</c>: interaction workers first, then the gateway.</summary>
    private void Start()
    {
        var dispatcher = Services.GetRequiredService<InteractionDispatcher>();
        var responder = Services.GetRequiredService<InteractionResponder>();
        _workers = dispatcher.RunAsync(responder, 2, _stop.Token);
        Gateway = Services.GetRequiredService<GatewayClient>().RunAsync(_stop.Token);
    }
}
