using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// The server side of one Socket Mode WebSocket accepted by <see cref="FakeSlack"/>. The test scripts what
/// Slack sends (hello, envelopes, disconnects, closes) and reads what the client sent. Every frame is kept
/// in <see cref="Received"/>; <c>{"envelope_id":…}</c> frames are acks (<see cref="Acks"/>), the rest go to
/// <see cref="Unexpected"/>. Broken rules go to <see cref="FakeSlack.Violations"/>: an ack later than 3 s,
/// twice for one delivery, for an envelope never sent, with a payload the envelope does not accept, or
/// with a message payload over the Block Kit limits.
/// </summary>
public sealed class FakeSocketConnection
{
    /// <summary>How long a server-initiated close waits for the client's close frame before dropping TCP.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(1);

    private readonly FakeSlack _owner;
    private readonly SocketIo _socket;
    private readonly TaskCompletionSource<int?> _clientClose = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<SocketAck> _acks = [];
    private readonly List<string> _received = [];
    private readonly List<string> _unexpected = [];
    private readonly Dictionary<string, EnvelopeDelivery> _deliveries = new(StringComparer.Ordinal);
    private readonly List<(string EnvelopeId, TaskCompletionSource<SocketAck> Done)> _waiters = [];
    private bool _ended;
    private int _serverClosed;

    internal FakeSocketConnection(FakeSlack owner, WebSocket socket, string query, Action abortTransport)
    {
        _owner = owner;
        _socket = new SocketIo(socket, abortTransport);
        Query = query;
    }

    /// <summary>The query string with its <c>?</c>, e.g. <c>?ticket=12348&amp;app_id=A111</c>.</summary>
    public string Query { get; }

    /// <summary>True while the WebSocket is open in both directions.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return !_ended && _socket.State == WebSocketState.Open;
            }
        }
    }

    /// <summary>Every ack the client sent, in order.</summary>
    public IReadOnlyList<SocketAck> Acks => Copy(_acks);

    /// <summary>Every text frame the client sent (binary frames as a placeholder line), in order.</summary>
    public IReadOnlyList<string> Received => Copy(_received);

    /// <summary>Frames that are not acks (no string <c>envelope_id</c>, or not JSON).</summary>
    public IReadOnlyList<string> Unexpected => Copy(_unexpected);

    /// <summary>Sends the sample hello, with <c>num_connections</c> = the app's open connections.</summary>
    public Task SendHelloAsync() => SendRawAsync(SlackPayloads.Hello(_owner.OpenConnections.Count, _owner.AppId).ToJsonString(FakeJson.Options));

    /// <summary>Sends <c>{"type":"disconnect","reason":…}</c> like the sample (refresh_requested, warning, too_many_websockets, link_disabled).</summary>
    public Task SendDisconnectAsync(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return SendRawAsync(SlackPayloads.Disconnect(reason, _owner.OpenConnections.Count, _owner.AppId).ToJsonString(FakeJson.Options));
    }

    /// <summary>
    /// Sends an envelope (<c>slash_commands</c>, <c>interactive</c>, <c>events_api</c>) and returns its
    /// <c>envelope_id</c>: a new GUID unless given (redelivery: same id, <paramref name="retryAttempt"/> 1,
    /// <paramref name="retryReason"/> <c>"timeout"</c>). The payload is copied.
    /// </summary>
    public async Task<string> SendEnvelopeAsync(
        string type, JsonObject payload, bool acceptsResponsePayload, int retryAttempt = 0, string? retryReason = null, string? envelopeId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(payload);
        var id = envelopeId ?? Guid.NewGuid().ToString();
        var text = SlackPayloads.Envelope(id, type, payload, acceptsResponsePayload, retryAttempt, retryReason).ToJsonString(FakeJson.Options);
        lock (_gate)
        {
            // Recorded before sending, so an ack that races the send still finds its delivery.
            _deliveries[id] = new EnvelopeDelivery(_owner.Time.GetUtcNow(), acceptsResponsePayload, _acks.Count);
        }

        await SendRawAsync(text);
        return id;
    }

    /// <summary>Sends any text frame as is.</summary>
    public Task SendRawAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _socket.SendAsync(text, _owner.Stopping);
    }

    /// <summary>When the latest delivery of <paramref name="envelopeId"/> on this connection was sent (by <see cref="FakeSlack.Time"/>).</summary>
    public DateTimeOffset SentAt(string envelopeId)
    {
        lock (_gate)
        {
            return _deliveries.TryGetValue(envelopeId, out var delivery)
                ? delivery.SentAt
                : throw new KeyNotFoundException($"Envelope '{envelopeId}' was not sent on this connection.");
        }
    }

    /// <summary>
    /// The client's ack of the latest delivery of <paramref name="envelopeId"/> (already received or future).
    /// Throws <see cref="TimeoutException"/> when none comes in time, and <see cref="InvalidOperationException"/>
    /// when the connection ends first.
    /// </summary>
    public async Task<SocketAck> ExpectAckAsync(string envelopeId, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(envelopeId);
        TaskCompletionSource<SocketAck>? done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var from = _deliveries.TryGetValue(envelopeId, out var delivery) ? delivery.AckMark : 0;
            for (var i = from; i < _acks.Count; i++)
            {
                if (_acks[i].EnvelopeId == envelopeId)
                {
                    return _acks[i];
                }
            }

            if (!_ended)
            {
                _waiters.Add((envelopeId, done));
            }
            else
            {
                done = null;
            }
        }

        if (done is null)
        {
            throw new InvalidOperationException($"The connection closed before the ack of '{envelopeId}'. {Describe()}");
        }

        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove((envelopeId, done));
            }

            throw new TimeoutException($"No ack of '{envelopeId}' within {timeout.TotalMilliseconds:0} ms. {Describe()}");
        }
    }

    /// <summary>Closes from the server side and waits briefly for the client's close; a silent client is dropped.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string reason = "")
    {
        if (Interlocked.Exchange(ref _serverClosed, 1) == 0)
        {
            await _socket.CloseOutputAsync((int)status, reason, CancellationToken.None);
        }

        try
        {
            await _clientClose.Task.WaitAsync(CloseGrace);
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
        int? clientCloseStatus = null;
        try
        {
            while (true)
            {
                var message = await _socket.ReceiveAsync(stopping);
                if (message.IsClose)
                {
                    clientCloseStatus = message.CloseStatus;
                    await _socket.EchoCloseAsync(message.CloseStatus);
                    break;
                }

                Accept(message);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Dropped without a close frame (by the client, by Abort, or by the close grace running out).
        }
        finally
        {
            _clientClose.TrySetResult(clientCloseStatus);
            End();
        }
    }

    private void Accept(SocketMessage message)
    {
        var ack = message.Type == WebSocketMessageType.Text ? AckRules.Parse(message.Text, _owner.Time.GetUtcNow()) : null;
        List<TaskCompletionSource<SocketAck>> matched = [];
        lock (_gate)
        {
            _received.Add(message.Text);
            if (ack is null)
            {
                _unexpected.Add(message.Text);
                return;
            }

            foreach (var problem in AckRules.Check(ack, _deliveries.GetValueOrDefault(ack.EnvelopeId)))
            {
                _owner.AddViolation($"socket {Query} ack {ack.EnvelopeId}", problem);
            }

            _acks.Add(ack);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].EnvelopeId == ack.EnvelopeId)
                {
                    matched.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in matched)
        {
            done.TrySetResult(ack);
        }
    }

    private void End()
    {
        List<TaskCompletionSource<SocketAck>> waiting;
        lock (_gate)
        {
            _ended = true;
            waiting = [.. _waiters.Select(w => w.Done)];
            _waiters.Clear();
        }

        foreach (var done in waiting)
        {
            done.TrySetException(new InvalidOperationException($"The connection closed before the ack arrived. {Describe()}"));
        }
    }

    private IReadOnlyList<T> Copy<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }

    private string Describe()
    {
        var frames = Received;
        return $"Frames received on {Query}: {(frames.Count == 0 ? "(none)" : string.Join(" | ", frames))}.";
    }
}
