using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// A protocol-faithful fake of Discord for tests: a real Kestrel server on loopback serving the REST routes
/// IncidentBot uses under <c>/api/v10</c> (gateway/bot, command registration, interaction callbacks and
/// webhooks, with Discord's limits, errors and rate-limit headers) and the gateway WebSocket at
/// <c>/gateway/</c> and <c>/resume/</c>, where each connection is handed to the test as a
/// <see cref="FakeGatewayConnection"/> to script. Facts and citations: shared/docs/PROTOCOLS.md.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<FakeGatewayConnection> _newConnections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly Lock _gate = new();
    private readonly List<string> _violations = [];
    private int _port;
    private int _connectionCount;
    private int _disposed;

    private FakeDiscord()
    {
        // The empty builder reads no appsettings or environment (no stray Kestrel endpoints) and adds no
        // logging providers, so test output stays clean.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(1));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Use((context, next) => IsGatewayPath(context.Request.Path) ? AcceptGatewayAsync(context) : next(context));
        _app.UseRouting();
        _app.Use((context, next) => RestPipeline.InvokeAsync(context, next, this));
        ApplicationRoutes.Map(_app, this);
        InteractionRoutes.Map(_app, this);
    }

    /// <summary>The bot token: REST wants <c>Authorization: Bot {Token}</c>, Identify/Resume want <c>d.token</c>.</summary>
    public string Token { get; set; } = "test-bot-token";

    /// <summary>The application (and bot user) id that command and webhook routes accept.</summary>
    public string ApplicationId { get; set; } = "1100000000000000001";

    /// <summary><c>shards</c> in GET /gateway/bot.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary><c>session_start_limit.max_concurrency</c> in GET /gateway/bot.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Base for REST calls, like <c>https://discord.com/api/v10</c>.</summary>
    public Uri ApiBaseUrl => new($"http://127.0.0.1:{_port}/api/v10");

    /// <summary>
    /// What GET /gateway/bot returns as <c>url</c>: like Discord's, without a query; clients append
    /// <c>?v=10&amp;encoding=json</c>.
    /// </summary>
    public Uri GatewayUrl => new($"ws://127.0.0.1:{_port}/gateway/");

    /// <summary>A <c>resume_gateway_url</c> for scripted READY payloads.</summary>
    public Uri ResumeGatewayUrl => new($"ws://127.0.0.1:{_port}/resume/");

    /// <summary>
    /// Interaction ids whose token is no longer valid: callbacks get 10062, webhooks 50027. The default set
    /// is safe to change while requests run.
    /// </summary>
    public ISet<string> ExpiredInteractions { get; set; } = new SynchronizedStringSet();

    /// <summary>
    /// When true, webhook calls for a token whose interaction got no callback yet fail with 404 10015, as on
    /// Discord. When false (default) they work as if the interaction had been deferred; either way the
    /// call is listed in <see cref="Violations"/>.
    /// </summary>
    public bool RequireCallbackBeforeWebhook { get; set; }

    /// <summary>Every REST request so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests => Log.Snapshot();

    /// <summary>Every broken Discord rule seen so far (limits, body format, User-Agent, ...), one line each.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>The stored global commands, as Discord would return them.</summary>
    public IReadOnlyList<JsonElement> GlobalCommands => Commands.Get(guildId: null);

    /// <summary>How many bulk-overwrite PUTs (global or guild) succeeded.</summary>
    public int CommandPutCount => Commands.PutCount;

    /// <summary>How many gateway WebSockets were accepted.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    internal RequestLog Log { get; } = new();

    internal ScriptedResponses Scripted { get; } = new();

    internal RateLimitTracker RateLimits { get; } = new();

    internal CommandStore Commands { get; } = new();

    internal InteractionStore Interactions { get; } = new();

    /// <summary>Starts Kestrel on a free loopback port.</summary>
    public static async Task<FakeDiscord> StartAsync(CancellationToken ct = default)
    {
        var fake = new FakeDiscord();
        try
        {
            await fake._app.StartAsync(ct);
            var addresses = fake._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            fake._port = new Uri(addresses.Addresses.First()).Port;
            return fake;
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>The stored commands of one guild.</summary>
    public IReadOnlyList<JsonElement> GuildCommands(string guildId) => Commands.Get(guildId);

    /// <summary>Completes with the first request (already seen or future) that matches.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan timeout) => Log.WaitAsync(match, timeout);

    /// <summary>
    /// The next request with this method whose path contains <paramref name="pathContains"/> gets this
    /// response instead of the normal one (FIFO among matching entries). Rate-limit headers are still added,
    /// and <paramref name="headers"/> override them.
    /// </summary>
    public void EnqueueFailure(string method, string pathContains, int status, string body, IDictionary<string, string>? headers = null) =>
        Scripted.Enqueue(method, pathContains, status, body, headers);

    /// <summary>Scripts the documented 429 (rate-limits.mdx:L47-L117) for the next matching request.</summary>
    public void EnqueueRateLimit(string method, string pathContains, double retryAfterSeconds, bool global = false)
    {
        var retryAfter = DiscordErrors.Seconds(retryAfterSeconds);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            // Retry-After is whole seconds; the body and X-RateLimit-Reset-After carry the precise value.
            ["Retry-After"] = ((int)Math.Ceiling(retryAfterSeconds)).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = retryAfter,
            ["X-RateLimit-Reset"] = DiscordErrors.Seconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + retryAfterSeconds),
            ["X-RateLimit-Scope"] = global ? "global" : "user",
        };
        if (global)
        {
            headers["X-RateLimit-Global"] = "true";
        }

        Scripted.Enqueue(method, pathContains, StatusCodes.Status429TooManyRequests, DiscordErrors.RateLimited(retryAfterSeconds, global), headers);
    }

    /// <summary>The next gateway connection the client opened (queued in arrival order).</summary>
    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _newConnections.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No new gateway connection within {timeout.TotalMilliseconds:0} ms ({ConnectionCount} accepted so far).");
        }
    }

    /// <summary>Aborts every socket and stops Kestrel (bounded to about a second).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync(); // Each connection's receive loop aborts its socket on this token.
        _newConnections.Writer.TryComplete();
        using (var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                await _app.StopAsync(stopTimeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Stop is best effort; DisposeAsync below releases the listener regardless.
            }
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    internal bool IsAuthorized(HttpRequest request) =>
        string.Equals(request.Headers.Authorization.ToString(), "Bot " + Token, StringComparison.Ordinal);

    internal void AddViolation(RecordedRequest request, string message) => AddViolation(request.Method, request.Path, message);

    internal void AddViolation(HttpContext context, string message) =>
        AddViolation(context.Request.Method, context.Request.Path.Value ?? string.Empty, message);

    private static bool IsGatewayPath(PathString path) =>
        path.Value is "/gateway" or "/gateway/" or "/resume" or "/resume/";

    private void AddViolation(string method, string path, string message)
    {
        lock (_gate)
        {
            _violations.Add($"{method} {path}: {message}");
        }
    }

    /// <summary>Accepts a gateway WebSocket and keeps the request alive until the connection ends.</summary>
    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(
            this, socket, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty, context.Abort);
        Interlocked.Increment(ref _connectionCount);
        _newConnections.Writer.TryWrite(connection);
        await connection.RunAsync(_stopping.Token);
    }
}
