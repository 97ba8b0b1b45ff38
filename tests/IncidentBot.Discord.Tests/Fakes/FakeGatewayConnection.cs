using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// The server side of one gateway WebSocket accepted by <see cref="FakeDiscord"/>. The test scripts what
/// Discord sends (Hello, READY, dispatches, reconnects, closes) and reads what the client sent. Discord's
/// rules for client payloads are enforced as the real gateway does, by closing with the documented code:
/// more than 4096 bytes → 4002, more than 120 payloads per 60 s → 4008, anything but heartbeat before
/// Identify/Resume → 4003, a second Identify → 4005, a wrong token → 4004.
/// </summary>
public sealed class FakeGatewayConnection
{
    /// <summary>How long a closed-by-server socket waits for the client's close frame before dropping TCP.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(1);

    private readonly FakeDiscord _owner;
    private readonly GatewaySocket _socket;
    private readonly GatewayClientRules _rules;
    private readonly Channel<GatewayFrame> _inbox = Channel.CreateUnbounded<GatewayFrame>();
    private readonly TaskCompletionSource<int?> _clientClose = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<GatewayFrame> _received = [];
    private int _sequence;
    private volatile bool _autoAck = true;
    private ServerClose? _serverClose; // Set once, first close wins.

    internal FakeGatewayConnection(FakeDiscord owner, WebSocket socket, string path, string query, Action abortTransport)
    {
        _owner = owner;
        _socket = new GatewaySocket(socket, abortTransport);
        _rules = new GatewayClientRules(() => owner.Token);
        Path = path;
        Query = query;
    }

    /// <summary>The request path: <c>/gateway/</c> or <c>/resume/</c>.</summary>
    public string Path { get; }

    /// <summary>The query string with its <c>?</c>, e.g. <c>?v=10&amp;encoding=json</c>.</summary>
    public string Query { get; }

    /// <summary>True when the client connected to <see cref="FakeDiscord.ResumeGatewayUrl"/>.</summary>
    public bool IsResumeUrl => Path.StartsWith("/resume", StringComparison.Ordinal);

    /// <summary>The last sequence number sent; the next dispatch uses this plus one. Set it to continue a session.</summary>
    public int LastSequence
    {
        get => Volatile.Read(ref _sequence);
        set => Volatile.Write(ref _sequence, value);
    }

    /// <summary>When true (default) every client heartbeat (op 1) is answered at once with op 11.</summary>
    public bool AutoAckHeartbeats
    {
        get => _autoAck;
        set => _autoAck = value;
    }

    /// <summary>The code the fake closed with, scripted or enforced; null while it has not closed.</summary>
    public int? ServerCloseCode => Volatile.Read(ref _serverClose)?.Code;

    /// <summary>The reason sent with <see cref="ServerCloseCode"/>.</summary>
    public string? ServerCloseReason => Volatile.Read(ref _serverClose)?.Reason;

    /// <summary>True once the client identified or resumed with the right token.</summary>
    public bool IsAuthenticated => _rules.IsAuthenticated;

    /// <summary>Every frame the client sent so far, heartbeats included.</summary>
    public IReadOnlyList<GatewayFrame> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public Task SendAsync(string json, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return _socket.SendAsync(json, ct);
    }

    /// <summary>Sends <paramref name="payload"/> serialized as-is (no naming policy; nulls are written).</summary>
    public Task SendAsync(object payload, CancellationToken ct = default) => SendAsync(JsonSerializer.Serialize(payload, FakeJson.Options), ct);

    public Task SendHelloAsync(int heartbeatIntervalMs, CancellationToken ct = default) =>
        SendAsync(GatewayPayloads.Hello(heartbeatIntervalMs), ct);

    /// <summary>Dispatches READY with the next sequence number and returns that number.</summary>
    public Task<int> SendReadyAsync(string sessionId, Uri resumeGatewayUrl, int[]? shard = null, CancellationToken ct = default) =>
        SendDispatchAsync("READY", GatewayPayloads.ReadyData(_owner.ApplicationId, sessionId, resumeGatewayUrl, shard), ct);

    /// <summary>Sends op 0 with the next sequence number and returns it. Pass a JsonElement for raw JSON.</summary>
    public async Task<int> SendDispatchAsync(string eventName, object? d, CancellationToken ct = default)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        await SendAsync(GatewayPayloads.Dispatch(eventName, sequence, d), ct);
        return sequence;
    }

    /// <summary>Discord sends <c>{"t":"RESUMED","s":N,"op":0,"d":{}}</c> after replaying missed events.</summary>
    public Task<int> SendResumedAsync(CancellationToken ct = default) =>
        SendDispatchAsync("RESUMED", new JsonObject(), ct);

    public Task SendHeartbeatAckAsync(CancellationToken ct = default) => SendAsync(GatewayPayloads.HeartbeatAck, ct);

    public Task SendHeartbeatRequestAsync(CancellationToken ct = default) => SendAsync(GatewayPayloads.HeartbeatRequest, ct);

    public Task SendReconnectAsync(CancellationToken ct = default) => SendAsync(GatewayPayloads.Reconnect, ct);

    public Task SendInvalidSessionAsync(bool resumable, CancellationToken ct = default) =>
        SendAsync(GatewayPayloads.InvalidSession(resumable), ct);

    /// <summary>
    /// The next frame the client sent. Throws <see cref="TimeoutException"/> when none arrives in time and
    /// <see cref="GatewayClosedException"/> once all frames were read and the connection is closed.
    /// </summary>
    public async Task<GatewayFrame> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            do
            {
                if (_inbox.Reader.TryRead(out var frame))
                {
                    return frame;
                }
            }
            while (await _inbox.Reader.WaitToReadAsync(cts.Token));
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"The client sent no gateway frame within {timeout.TotalMilliseconds:0} ms. {Describe()}");
        }

        throw new GatewayClosedException(await _clientClose.Task, ServerCloseCode); // Set before the inbox completes.
    }

    /// <summary>
    /// The next frame, which must have opcode <paramref name="op"/>; heartbeats are skipped when waiting for
    /// anything else, because clients heartbeat on their own schedule.
    /// </summary>
    public async Task<GatewayFrame> ExpectAsync(int op, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            var frame = await ReceiveAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if (frame.Op == op)
            {
                return frame;
            }

            if (frame.Op != 1)
            {
                throw new InvalidOperationException($"Expected gateway op {op} but the client sent {frame}. {Describe()}");
            }
        }
    }

    /// <summary>
    /// Closes from the server side with <paramref name="closeCode"/> (e.g. 4000, 4004) and waits briefly for
    /// the client's close frame; a client that never answers is dropped, as Discord drops TCP.
    /// </summary>
    public async Task CloseAsync(int closeCode, string reason, CancellationToken ct = default)
    {
        await SendCloseFrameAsync(closeCode, reason, ct);
        try
        {
            await _clientClose.Task.WaitAsync(CloseGrace, ct);
        }
        catch (TimeoutException)
        {
            Abort();
        }
    }

    /// <summary>Drops the TCP connection without a close frame (what a network failure looks like).</summary>
    public void Abort() => _socket.Abort();

    /// <summary>The status in the client's close frame, or null if the socket dropped without one.</summary>
    public async Task<int?> WaitForClientCloseAsync(TimeSpan timeout)
    {
        try
        {
            return await _clientClose.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The client did not close within {timeout.TotalMilliseconds:0} ms. {Describe()}");
        }
    }

    /// <summary>Runs the receive loop; the HTTP request stays open until it ends.</summary>
    internal async Task RunAsync(CancellationToken stopping)
    {
        using var abortOnStop = stopping.Register(Abort);
        using var receiveCts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        int? clientCloseStatus = null;
        try
        {
            if (GatewayClientRules.IsUnsupportedVersion(Query))
            {
                await CloseFromLoopAsync(4012, "Invalid API version", receiveCts);
            }

            while (true)
            {
                var message = await _socket.ReceiveAsync(receiveCts.Token);
                if (message.IsClose)
                {
                    clientCloseStatus = message.CloseStatus;
                    await _socket.EchoCloseAsync(message.CloseStatus);
                    break;
                }

                if (ServerCloseCode is not null)
                {
                    continue; // After its close frame the gateway ignores everything but the client's close.
                }

                var verdict = message.IsText
                    ? _rules.Inspect(message.Payload.Span, DateTimeOffset.UtcNow)
                    : GatewayVerdict.Close(null, 4002, "Decode error"); // encoding=json: binary frames do not decode.
                if (verdict.Frame is { } frame)
                {
                    await AcceptAsync(frame, verdict.CloseCode is null);
                }

                if (verdict.CloseCode is { } code)
                {
                    await CloseFromLoopAsync(code, verdict.Reason ?? string.Empty, receiveCts);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Dropped without a close frame (by the client, by Abort, or by the close grace running out).
        }
        finally
        {
            // Close status first, so a reader that sees the completed inbox can report it.
            _clientClose.TrySetResult(clientCloseStatus);
            _inbox.Writer.TryComplete();
        }
    }

    private async Task AcceptAsync(GatewayFrame frame, bool mayAck)
    {
        if (frame.Op == 1 && mayAck && AutoAckHeartbeats)
        {
            try
            {
                await SendAsync(GatewayPayloads.HeartbeatAck);
            }
            catch (WebSocketException)
            {
                // The client is going away; its close (or the drop) is recorded by the loop.
            }
        }

        lock (_gate)
        {
            _received.Add(frame);
        }

        _inbox.Writer.TryWrite(frame);
    }

    private async Task CloseFromLoopAsync(int code, string reason, CancellationTokenSource receiveCts)
    {
        await SendCloseFrameAsync(code, reason, CancellationToken.None);
        receiveCts.CancelAfter(CloseGrace); // The loop itself must not wait for the close reply it is reading.
    }

    private async Task SendCloseFrameAsync(int code, string reason, CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _serverClose, new ServerClose(code, reason), null) is null)
        {
            await _socket.CloseOutputAsync(code, reason, ct);
        }
    }

    private string Describe()
    {
        var frames = Received;
        var list = frames.Count == 0 ? "(none)" : string.Join(" | ", frames.Select(f => f.Raw));
        return $"Frames received so far: {list}; server close: {ServerCloseCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.";
    }

    /// <summary>The close the fake sent.</summary>
    private sealed record ServerClose(int Code, string Reason);
}
