using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Indexing;
using IncidentBot.Slack.Commands;
using IncidentBot.Slack.SocketMode;
using IncidentBot.Slack.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.Tests.Integration;

/// <summary>
/// The real Slack front end against <see cref="FakeSlack"/>: a real <see cref="ServiceCollection"/> built the way the
/// service builds it (Core, Conversations, Slack), the index opened from the test seed, and
/// <see cref="SocketModeClient.RunAsync"/> running in the background as <c>SlackService</c> runs it. Protocol waits
/// are shortened through <see cref="SocketModeTimings"/> (registered before the extension, which only TryAdds its
/// own). Disposing cancels the client, drains <see cref="SlackBackgroundWork"/>, and deletes the temp folder.
/// </summary>
internal sealed class SocketModeHarness : IAsyncDisposable
{
    /// <summary>For every wait that should succeed: long enough never to flake, short enough that a hang fails.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Slack's acknowledgement budget (PROTOCOLS.md §7.1, §7.3).</summary>
    public static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(3);

    /// <summary>The question the seed answers ("over 1,400 users were targeted").</summary>
    public const string AnswerableQuestion = "How many users were targeted?";

    /// <summary>What the answer to <see cref="AnswerableQuestion"/> quotes.</summary>
    public const string AnswerFragment = "1,400";

    /// <summary>The one user id in <c>Slack:AdminUserIds</c>.</summary>
    public const string AdminUserId = "UADMIN1";

    /// <summary>A user who is not an admin (the sample payload's user).</summary>
    public const string UserId = "U111";

    public const string OpenPath = "/api/apps.connections.open";

    private readonly CancellationTokenSource _stop = new();
    private readonly string _root;
    private int _disposed;

    private SocketModeHarness(FakeSlack fake, ServiceProvider services, IntegrationLog logs, SocketModeTimings timings, string root)
    {
        Fake = fake;
        Services = services;
        Logs = logs;
        Timings = timings;
        _root = root;
    }

    public FakeSlack Fake { get; }

    public ServiceProvider Services { get; }

    public IntegrationLog Logs { get; }

    public SocketModeTimings Timings { get; }

    /// <summary>The running <see cref="SocketModeClient.RunAsync"/>: completes only on a fatal condition (or a bug).</summary>
    public Task<SocketModeRunResult> Run { get; private set; } = null!;

    /// <summary>The SQLite file of questions and votes.</summary>
    public string DatabasePath => Path.Combine(_root, "incidentbot.db");

    /// <summary>How many times the client called apps.connections.open so far.</summary>
    public int OpenCalls => Fake.Requests.Count(IsOpenCall);

    public static SocketModeTimings ShortTimings() => new()
    {
        BackoffBase = TimeSpan.FromMilliseconds(50),
        BackoffCap = TimeSpan.FromMilliseconds(500),
        HelloTimeout = TimeSpan.FromSeconds(2),
        Random = () => 0.5,
    };

    public static bool IsOpenCall(RecordedRequest request) => request.Path == OpenPath;

    /// <param name="configureFake">Runs before the client starts (tokens, scripted Web API answers).</param>
    /// <param name="config">Extra or overriding configuration keys.</param>
    /// <param name="timings">Changes to <see cref="ShortTimings"/>.</param>
    /// <param name="fakeConfig">Configuration keys that depend on the started fake (its port, its tokens).</param>
    public static async Task<SocketModeHarness> StartAsync(
        Action<FakeSlack>? configureFake = null,
        IEnumerable<KeyValuePair<string, string?>>? config = null,
        Func<SocketModeTimings, SocketModeTimings>? timings = null,
        Func<FakeSlack, IEnumerable<KeyValuePair<string, string?>>>? fakeConfig = null)
    {
        var fake = await FakeSlack.StartAsync();
        var root = Path.Combine(Path.GetTempPath(), "incidentbot-slack-" + Guid.NewGuid().ToString("N"));
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
                ["Slack:AppToken"] = fake.AppToken,
                ["Slack:BotToken"] = fake.BotToken,
                ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl.AbsoluteUri,
                ["Slack:AdminUserIds:0"] = AdminUserId,

                // Tests ask more than the default 5 questions per 30 s; the limit has its own test.
                ["Slack:QuestionsPerWindow"] = "0",
            };
            foreach (var (key, value) in (config ?? []).Concat(fakeConfig?.Invoke(fake) ?? []))
            {
                settings[key] = value;
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var logs = new IntegrationLog();
            var socketTimings = (timings ?? (t => t))(ShortTimings());
            var collection = new ServiceCollection();
            collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
            collection.AddSingleton<IConfiguration>(configuration);
            collection.AddSingleton(socketTimings);
            collection.AddIncidentBotCore(configuration);
            collection.AddIncidentBotConversations(configuration);
            collection.AddIncidentBotSlack(configuration);
            services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

            var harness = new SocketModeHarness(fake, services, logs, socketTimings, root);
            using (var ready = new CancellationTokenSource(Wait))
            {
                var index = await services.GetRequiredService<IncidentIndex>().EnsureReadyAsync(ready.Token);
                Assert.True(index.Succeeded, "The seed index did not build: " + index.Error);

                // Creates the SQLite file now, so the first answer is not slowed by the schema migration.
                _ = await services.GetRequiredService<ConversationStore>().FindAskAsync(1, ready.Token);
            }

            harness.Run = services.GetRequiredService<SocketModeClient>().RunAsync(harness._stop.Token);
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

    /// <summary>The next Socket Mode connection the client opens.</summary>
    public Task<FakeSocketConnection> NextConnectionAsync(TimeSpan? timeout = null) => Fake.NextConnectionAsync(timeout ?? Wait);

    /// <summary>
    /// The next connection, its hello, then an <c>events_api</c> envelope whose (bare) ack proves the client has
    /// taken the hello and its receive loop runs: a test that drops the socket next does not race the hello.
    /// </summary>
    public async Task<FakeSocketConnection> ConnectReadyAsync()
    {
        var connection = await NextConnectionAsync();
        await connection.SendHelloAsync();
        await ProbeAsync(connection);
        return connection;
    }

    /// <summary>Sends an <c>events_api</c> envelope and waits for its ack (which must carry no payload).</summary>
    public static async Task ProbeAsync(FakeSocketConnection connection)
    {
        var probe = new JsonObject { ["type"] = "event_callback", ["event"] = new JsonObject { ["type"] = "app_home_opened" } };
        var id = await connection.SendEnvelopeAsync("events_api", probe, acceptsResponsePayload: false);
        var ack = await connection.ExpectAckAsync(id, Wait);
        Assert.Null(ack.Payload);
    }

    /// <summary>A <c>slash_commands</c> envelope as Slack sends it; returns its id and payload (for the response_url).</summary>
    public async Task<(string EnvelopeId, JsonObject Payload)> SendCommandAsync(
        FakeSocketConnection connection, string command, string text, string userId = UserId, bool acceptsResponsePayload = true)
    {
        var payload = Fake.SlashCommandPayload(command, text, userId);
        var id = await connection.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload);
        return (id, payload);
    }

    /// <summary>
    /// The reply to a command: the ack's payload when it carried one, else the post to the command's response_url
    /// (how a reply that is not ready within the ack budget arrives).
    /// </summary>
    public async Task<JsonElement> ReplyAsync(FakeSocketConnection connection, string envelopeId, JsonObject payload)
    {
        var ack = await connection.ExpectAckAsync(envelopeId, Wait);
        if (ack.Payload is { } inline)
        {
            return inline;
        }

        var url = ResponseUrl(payload);
        return (await Fake.WaitForResponsePostAsync(p => p.Url == url, Wait)).Body;
    }

    /// <summary>The accepted posts to <paramref name="payload"/>'s response_url so far.</summary>
    public IReadOnlyList<ResponsePost> PostsTo(JsonObject payload)
    {
        var url = ResponseUrl(payload);
        return [.. Fake.ResponsePosts.Where(p => p.Url == url)];
    }

    public static string ResponseUrl(JsonObject payload) => payload["response_url"]!.GetValue<string>();

    /// <summary>Waits until <see cref="SlackBackgroundWork"/> runs nothing (every reply posted or dropped).</summary>
    public Task WaitForBackgroundIdleAsync() =>
        EventuallyAsync(() => Services.GetRequiredService<SlackBackgroundWork>().Count == 0, "the background replies to finish");

    /// <summary>Polls <paramref name="condition"/> every 20 ms; fails after <see cref="Wait"/>.</summary>
    public async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Wait.TotalSeconds:0} s for {what}. Requests: {string.Join(", ", Fake.Requests)}. Logs:{Environment.NewLine}{Logs.Dump()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until apps.connections.open was called <paramref name="count"/> times in all.</summary>
    public Task WaitForOpenCallsAsync(int count) => EventuallyAsync(() => OpenCalls >= count, $"apps.connections.open call #{count}");

    /// <summary>Questions stored in the SQLite file (one per answered <c>/ask</c>).</summary>
    public async Task<long> CountAsksAsync()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM asks;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Takes SQLite's write lock (<c>BEGIN IMMEDIATE</c>) until disposed, so recording a question waits: a way to
    /// make a command slow without touching the bot. Keep it well under the store's 5 s busy timeout.
    /// </summary>
    public async Task<IAsyncDisposable> LockDatabaseAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        return new DatabaseLock(connection);
    }

    /// <summary>Fails with the list when the fake saw any broken Slack rule.</summary>
    public void AssertNoViolations() =>
        Assert.True(Fake.Violations.Count == 0, "Fake Slack saw broken rules:" + Environment.NewLine + string.Join(Environment.NewLine, Fake.Violations));

    /// <summary>Stops the client as the host does on shutdown (RunAsync then ends with cancellation).</summary>
    public Task StopAsync() => _stop.CancelAsync();

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
            await Run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }
        catch (TimeoutException)
        {
            problems.Add("SocketModeClient.RunAsync did not stop within 5 s of cancellation");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add("SocketModeClient.RunAsync failed: " + ex);
        }

        await Services.GetRequiredService<SlackBackgroundWork>().DrainAsync(TimeSpan.FromSeconds(5));
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
        _stop.Dispose();
        TryDelete(_root);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Socket Mode harness: " + string.Join("; ", problems) + Environment.NewLine + Logs.Dump());
        }
    }

    /// <summary>Parses JSON text into a detached element.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
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

    private sealed class DatabaseLock(SqliteConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
