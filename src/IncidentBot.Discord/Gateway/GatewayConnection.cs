using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.RateLimiting;
using IncidentBot.Core.Health;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Gateway;

/// <summary>
/// One gateway connection, from connect to close: Hello, heartbeats, Identify or Resume, dispatches. It ends
/// with a <see cref="GatewayDisconnect"/> that tells the shard whether to resume, start over or stop; it never
/// reconnects by itself (<see cref="ShardRunner"/> does).
/// </summary>
public sealed partial class GatewayConnection : IDisposable
{
    /// <summary>Discord closes the connection (4002) on any payload larger than this.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>Any code but 1000/1001 keeps the session resumable; 1012 ("service restart") says we will be back.</summary>
    private const int ResumableCloseCode = 1012;

    private readonly IGatewayTransport _transport;
    private readonly ShardContext _shard;
    private readonly GatewaySession _session;
    private readonly SlidingWindowRateLimiter _sendLimiter;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<GatewayDisconnect> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger;
    private Heartbeater? _heartbeater;
    private Task? _heartbeatTask;
    private Task? _identifyTask;
    private volatile bool _established;

    public GatewayConnection(IGatewayTransport transport, ShardContext shard, GatewaySession session, ILogger logger)
    {
        _transport = transport;
        _shard = shard;
        _session = session;
        _logger = logger;
        _sendLimiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = shard.Timings.SendLimit,
            Window = shard.Timings.SendWindow,
            SegmentsPerWindow = 12,
            QueueLimit = 64,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Connects (to the resume URL when the session can be resumed) and runs until the connection ends.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> is cancelled (the service stops).</exception>
    public async Task<GatewayDisconnect> RunAsync(Uri gatewayUrl, CancellationToken ct)
    {
        var resuming = _session.CanResume;
        var url = GatewayCommands.WithQuery(resuming ? _session.ResumeUrl! : gatewayUrl);
        var started = _shard.Time.GetUtcNow();
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connectTimeout.CancelAfter(_shard.Timings.ConnectTimeout);
            await _transport.ConnectAsync(url, connectTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new GatewayDisconnect(resuming ? GatewayCloseAction.Resume : GatewayCloseAction.NewSession, $"cannot connect: {ex.Message}") { ConnectFailed = true };
        }

        // Not linked to ct: on shutdown the close frame goes out first, then the loops stop. Cancelling a pending
        // WebSocket receive aborts the socket, which would drop the connection without a close code.
        using var cts = new CancellationTokenSource();
        var receive = ReceiveLoopAsync(resuming, cts.Token);
        try
        {
            await _end.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: close with 1000 so Discord shows the bot offline at once.
        }

        var end = _end.Task.IsCompletedSuccessfully ? await _end.Task.ConfigureAwait(false) : null;
        var closeCode = end is null || end.Action == GatewayCloseAction.NewSession ? 1000 : ResumableCloseCode;
        await CloseAsync(closeCode).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        await IgnoreCancellationAsync(receive).ConfigureAwait(false);
        await IgnoreCancellationAsync(_heartbeatTask).ConfigureAwait(false);
        await IgnoreCancellationAsync(_identifyTask).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return end! with { Established = _established, Duration = _shard.Time.GetUtcNow() - started };
    }

    private async Task ReceiveLoopAsync(bool resuming, CancellationToken ct)
    {
        try
        {
            await ReceiveUntilEndAsync(resuming, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // A bug in handling one payload must not leave the shard hanging: drop the connection and resume.
            LogReceiveFailed(ex, _shard.ShardId);
            End(new GatewayDisconnect(GatewayCloseAction.Resume, $"receive failed: {ex.GetType().Name}"));
        }
    }

    private async Task ReceiveUntilEndAsync(bool resuming, CancellationToken ct)
    {
        using var helloTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        helloTimeout.CancelAfter(_shard.Timings.HelloTimeout);
        while (!ct.IsCancellationRequested && !_end.Task.IsCompleted)
        {
            GatewayReceiveResult message;
            try
            {
                message = await _transport.ReceiveAsync(_heartbeater is null ? helloTimeout.Token : ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                End(new GatewayDisconnect(GatewayCloseAction.Resume, "no Hello from Discord in time"));
                return;
            }

            if (message.Closed)
            {
                var action = CloseCodePolicy.Classify(message.CloseCode);
                End(new GatewayDisconnect(action, CloseCodePolicy.Describe(message.CloseCode), message.CloseCode));
                return;
            }

            await HandleAsync(message.Message, resuming, ct).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> message, bool resuming, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message);
        }
        catch (JsonException ex)
        {
            LogMalformed(_shard.ShardId, ex.Message);
            return;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var opElement) || !opElement.TryGetInt32(out var op))
            {
                LogMalformed(_shard.ShardId, "no op");
                return;
            }

            root.TryGetProperty("d", out var d);
            switch ((GatewayOpCode)op)
            {
                case GatewayOpCode.Hello:
                    await OnHelloAsync(d, resuming, ct).ConfigureAwait(false);
                    break;
                case GatewayOpCode.HeartbeatAck:
                    _heartbeater?.Acked(_shard.Time.GetUtcNow());
                    break;
                case GatewayOpCode.Heartbeat:
                    // Discord may ask for a beat at any time: answer at once, without waiting for the timer. Its ACK is
                    // not awaited by the zombie check, which only follows the timer's beats.
                    await SendAsync(GatewayCommands.Heartbeat(_session.Sequence), ct).ConfigureAwait(false);
                    break;
                case GatewayOpCode.Dispatch:
                    OnDispatch(root, d);
                    break;
                case GatewayOpCode.Reconnect:
                    End(new GatewayDisconnect(GatewayCloseAction.Resume, "Discord asked to reconnect (op 7)", Immediate: true));
                    break;
                case GatewayOpCode.InvalidSession:
                    var resumable = d.ValueKind == JsonValueKind.True;
                    var delay = _shard.RandomBetween(_shard.Timings.InvalidSessionDelayMin, _shard.Timings.InvalidSessionDelayMax);
                    End(new GatewayDisconnect(
                        resumable ? GatewayCloseAction.Resume : GatewayCloseAction.NewSession,
                        resumable ? "invalid session (op 9), resumable" : "invalid session (op 9), not resumable",
                        Delay: delay));
                    break;
                default:
                    LogUnknownOp(_shard.ShardId, op);
                    break;
            }
        }
    }

    private async Task OnHelloAsync(JsonElement d, bool resuming, CancellationToken ct)
    {
        if (_heartbeater is not null)
        {
            return;
        }

        var intervalMs = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("heartbeat_interval", out var i)
            && i.ValueKind == JsonValueKind.Number && i.TryGetDouble(out var ms) && ms > 0 ? ms : 41_250;
        _heartbeater = new Heartbeater(TimeSpan.FromMilliseconds(intervalMs), _shard.Jitter());
        _heartbeatTask = HeartbeatLoopAsync(_heartbeater, ct);
        if (resuming && _session.SessionId is { } sessionId)
        {
            await SendAsync(GatewayCommands.Resume(_shard.Token, sessionId, _session.Sequence), ct).ConfigureAwait(false);
            return;
        }

        // Beside the receive loop, not in it: waiting for an identify slot can take many seconds with many shards,
        // and meanwhile heartbeat ACKs must still be read or the heartbeat would take the connection for a zombie.
        _identifyTask = IdentifyAsync(ct);
    }

    private async Task IdentifyAsync(CancellationToken ct)
    {
        await _shard.IdentifyGate.WaitAsync(_shard.ShardId, ct).ConfigureAwait(false);
        await SendAsync(GatewayCommands.Identify(_shard.Token, _shard.ShardId, _shard.ShardCount), ct).ConfigureAwait(false);
    }

    private void OnDispatch(JsonElement root, JsonElement d)
    {
        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var sequence))
        {
            _session.Saw(sequence);
        }

        var name = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        switch (name)
        {
            case "READY":
                var sessionId = StringProperty(d, "session_id");
                var resumeUrl = StringProperty(d, "resume_gateway_url");
                // Only a WebSocket URL can be resumed on; anything else is ignored and the next connection identifies.
                if (sessionId is not null && Uri.TryCreate(resumeUrl, UriKind.Absolute, out var resume) && resume.Scheme is "wss" or "ws")
                {
                    _session.Started(sessionId, resume);
                }

                _established = true;
                _shard.Report(ConnectionState.Connected, "session started");
                LogReady(_shard.ShardId, _shard.ShardCount);
                break;
            case "RESUMED":
                _established = true;
                _shard.Report(ConnectionState.Connected, "session resumed");
                _shard.Metrics?.Resumed("discord");
                LogResumed(_shard.ShardId);
                break;
            default:
                _shard.Sink.OnDispatch(_shard.ShardId, name, d.Clone());
                break;
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
