using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// A protocol-faithful fake of Slack for tests: a real Kestrel server on loopback serving the Web API
/// (<c>POST /api/{method}</c>: apps.connections.open, auth.test), the Socket Mode WebSocket at
/// <c>/link/</c> (single-use tickets; each connection handed to the test as a
/// <see cref="FakeSocketConnection"/>) and response_url receivers under <c>/hooks/</c> (5 posts within
/// 30 minutes, Block Kit limits). Facts and citations: shared/docs/PROTOCOLS.md §7.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    /// <summary>Slack allows about 10 concurrent Socket Mode connections per app (PROTOCOLS.md §7.3).</summary>
    public const int MaxConnections = 10;

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<FakeSocketConnection> _newConnections = Channel.CreateUnbounded<FakeSocketConnection>();
    private readonly Lock _violationsGate = new();
    private readonly Lock _connectionsGate = new();
    private readonly List<string> _violations = [];
    private readonly List<FakeSocketConnection> _connections = [];
    private readonly WaitableLog<RecordedRequest> _requests = new("request");
    private readonly WaitableLog<ResponsePost> _responsePosts = new("response_url post");
    private int _disposed;

    private FakeSlack()
    {
        // The empty builder reads no appsettings or environment and adds no logging providers: quiet output.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(1));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Run(DispatchAsync);
    }

    /// <summary>The app-level token (<c>xapp-…</c>) apps.connections.open accepts as <c>Authorization: Bearer</c>.</summary>
    public string AppToken { get; set; } = "xapp-1-A111-111-test";

    /// <summary>The bot token (<c>xoxb-…</c>) auth.test accepts.</summary>
    public string BotToken { get; set; } = "xoxb-111-222-test";

    /// <summary>The app id (<c>api_app_id</c>, <c>app_id</c> in Socket Mode URLs, hello's <c>connection_info</c>).</summary>
    public string AppId { get; set; } = "A111";

    /// <summary>The workspace id (<c>team_id</c>).</summary>
    public string TeamId { get; set; } = "T111";

    /// <summary>The clock for response_url expiry and ack timing; set a FakeTimeProvider to move time by hand.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>When true, each accepted connection gets the hello at once, as real Slack does; default false (the test sends it).</summary>
    public bool SendHelloOnConnect { get; set; }

    /// <summary>Base for Web API calls, like <c>https://slack.com/api/</c>: POST <c>{ApiBaseUrl}{method}</c>.</summary>
    public Uri ApiBaseUrl => new($"http://127.0.0.1:{Port}/api/");

    /// <summary>Where response URLs live, like <c>https://hooks.slack.com/</c>.</summary>
    public Uri ResponseUrlBase => new($"http://127.0.0.1:{Port}/hooks/");

    /// <summary>Every request so far (Web API, response_url, Socket Mode connects), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot();

    /// <summary>Every accepted response_url post, in arrival order.</summary>
    public IReadOnlyList<ResponsePost> ResponsePosts => _responsePosts.Snapshot();

    /// <summary>Every broken Slack rule seen so far (limits, refused URLs, late acks, ...), one line each.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_violationsGate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>How many Socket Mode WebSockets were accepted in total.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_connectionsGate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>The accepted connections that are still open.</summary>
    public IReadOnlyList<FakeSocketConnection> OpenConnections
    {
        get
        {
            List<FakeSocketConnection> all;
            lock (_connectionsGate)
            {
                all = [.. _connections];
            }

            return [.. all.Where(c => c.IsOpen)];
        }
    }

    internal int Port { get; private set; }

    internal CancellationToken Stopping => _stopping.Token;

    internal TicketBook Tickets { get; } = new();

    internal ResponseUrlBook ResponseUrls { get; } = new();

    internal ScriptedApiReplies Scripted { get; } = new();

    /// <summary>Starts Kestrel on a free loopback port.</summary>
    public static async Task<FakeSlack> StartAsync(CancellationToken ct = default)
    {
        var fake = new FakeSlack();
        try
        {
            await fake._app.StartAsync(ct);
            var addresses = fake._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            fake.Port = new Uri(addresses.Addresses.First()).Port;
            return fake;
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>: the <c>X-Slack-Signature</c> header.</summary>
    public static string Sign(string signingSecret, string timestamp, string body) => SlackForm.Sign(signingSecret, timestamp, body);

    /// <summary>A fresh slash-command response URL, <c>…/hooks/commands/T111/{n}/{secret}</c>, valid 30 minutes from now.</summary>
    public Uri NewResponseUrl() => new(AbsoluteUrl(ResponseUrls.Issue("commands", TeamId, Time.GetUtcNow())));

    /// <summary>
    /// A <c>slash_commands</c> payload with exactly the sample envelope's fields and order (token, team_id,
    /// team_domain, channel_id, channel_name, user_id, user_name, command, text, api_app_id, response_url,
    /// trigger_id); a fresh response URL when none is given.
    /// </summary>
    public JsonObject SlashCommandPayload(string command, string text, string userId = "U111", Uri? responseUrl = null) =>
        SlackPayloads.SlashCommand(Identity(), command, text, userId, responseUrl ?? NewResponseUrl());

    /// <summary>
    /// A <c>block_actions</c> button click shaped like Slack's own bolt-python test fixture; a fresh
    /// <c>…/hooks/actions/…</c> response URL and a Slack-style random block id when none are given.
    /// </summary>
    public JsonObject BlockActionsPayload(string actionId, string value, string userId = "U111", Uri? responseUrl = null, string? blockId = null) =>
        SlackPayloads.BlockActions(
            Identity(), actionId, value, userId,
            responseUrl ?? new Uri(AbsoluteUrl(ResponseUrls.Issue("actions", TeamId, Time.GetUtcNow()))),
            blockId ?? SlackPayloads.BlockId());

    /// <summary>The slash command as Slack POSTs it over HTTP: <c>application/x-www-form-urlencoded</c>, same field order.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API beside the payload builders.")]
    public string FormBody(JsonObject fields) => SlackForm.Encode(fields);

    /// <summary>An interactive payload as Slack POSTs it over HTTP: <c>payload=&lt;url-encoded JSON&gt;</c>.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API beside the payload builders.")]
    public string InteractionFormBody(JsonObject payload) => SlackForm.EncodeInteraction(payload);

    /// <summary>The next call of <paramref name="method"/> gets HTTP 200 <c>{"ok":false,"error":error}</c>.</summary>
    public void EnqueueApiError(string method, string error) => Scripted.Enqueue(method, StatusCodes.Status200OK, error, null);

    /// <summary>The next call of <paramref name="method"/> gets HTTP 429, <c>Retry-After</c> and <c>{"ok":false,"error":"ratelimited"}</c>.</summary>
    public void EnqueueRateLimited(string method, int retryAfterSeconds) =>
        Scripted.Enqueue(method, StatusCodes.Status429TooManyRequests, "ratelimited", retryAfterSeconds);

    /// <summary>Completes with the first request (already seen or future) that matches.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan timeout) => _requests.WaitAsync(match, timeout);

    /// <summary>Completes with the first accepted response_url post (already seen or future) that matches.</summary>
    public Task<ResponsePost> WaitForResponsePostAsync(Func<ResponsePost, bool> match, TimeSpan timeout) => _responsePosts.WaitAsync(match, timeout);

    /// <summary>The next Socket Mode connection the client opened (queued in arrival order).</summary>
    public async Task<FakeSocketConnection> NextConnectionAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _newConnections.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No new Socket Mode connection within {timeout.TotalMilliseconds:0} ms ({ConnectionCount} accepted so far).");
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

    internal string AbsoluteUrl(string path) => $"http://127.0.0.1:{Port}{path}";

    internal void AddResponsePost(ResponsePost post) => _responsePosts.Add(post);

    /// <summary>Lists a newly accepted connection and queues it for <see cref="NextConnectionAsync"/>.</summary>
    internal void AddConnection(FakeSocketConnection connection, RecordedRequest request)
    {
        lock (_connectionsGate)
        {
            _connections.Add(connection);
        }

        if (OpenConnections.Count > MaxConnections)
        {
            AddViolation(request, $"more than {MaxConnections} concurrent Socket Mode connections");
        }

        _newConnections.Writer.TryWrite(connection);
    }

    internal void AddViolation(RecordedRequest request, string message) => AddViolation($"{request.Method} {request.Path}", message);

    internal void AddViolation(string where, string message)
    {
        lock (_violationsGate)
        {
            _violations.Add($"{where}: {message}");
        }
    }

    private SlackIdentity Identity() => new(AppId, TeamId, Time.GetUtcNow());

    private async Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isApi = path.StartsWithSegments(WebApiEndpoint.Prefix, StringComparison.Ordinal);
        var isLink = path.Value is "/link" or "/link/";
        if (!isApi && !isLink && !ResponseUrlEndpoint.Handles(path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.Method, path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty, headers, body);
        _requests.Add(request);

        if (isLink)
        {
            await SocketEndpoint.AcceptAsync(context, this, request);
        }
        else if (isApi)
        {
            await WebApiEndpoint.InvokeAsync(context, this, request);
        }
        else
        {
            await ResponseUrlEndpoint.InvokeAsync(context, this, request);
        }
    }
}
