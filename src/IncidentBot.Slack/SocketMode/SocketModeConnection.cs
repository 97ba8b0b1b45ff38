using System.Text.Json;
using IncidentBot.Slack.Messages;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: waits for <c>hello</c>, hands each envelope to the handler without waiting for it,
/// sends acks (one send at a time), and reports when Slack asks to disconnect or the socket drops. It keeps
/// receiving after a <c>disconnect</c> request until closed, so envelopes already in flight are still acked.
/// </summary>
public sealed partial class SocketModeConnection : ISocketAcker, IAsyncDisposable
{
    private readonly ISocketModeTransport _transport;
    private readonly SocketEnvelopeHandler _handler;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<SocketModeEnd> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _unacked = new(StringComparer.Ordinal);
    private Task? _receive;
    private int _disposed;

    public SocketModeConnection(ISocketModeTransport transport, SocketEnvelopeHandler handler, ILogger logger)
    {
        _transport = transport;
        _handler = handler;
        _logger = logger;
    }

    /// <summary>Completes when Slack asks to disconnect or the socket drops.</summary>
    public Task<SocketModeEnd> Ended => _end.Task;

    /// <summary>Completes when nothing more can arrive: the socket closed or dropped.</summary>
    public Task Closed => _receive ?? Task.CompletedTask;

    /// <summary>True while an envelope that arrived here still waits for its ack.</summary>
    public bool HasUnacked => !_unacked.IsEmpty;

    /// <summary>Connects and waits for <c>hello</c>; false when either fails (the caller backs off and retries).</summary>
    public async Task<bool> OpenAsync(Uri url, TimeSpan helloTimeout, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(helloTimeout);
        try
        {
            await _transport.ConnectAsync(url, timeout.Token).ConfigureAwait(false);
            var first = await _transport.ReceiveAsync(timeout.Token).ConfigureAwait(false);
            if (first is not { } message || TypeOf(message) != "hello")
            {
                LogNoHello();
                return false;
            }
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogConnectFailed(ex.Message);
            return false;
        }

        _receive = ReceiveLoopAsync(_stop.Token);
        return true;
    }

    public async Task<bool> AckAsync(string envelopeId, SlackMessage? payload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            if (payload is not null)
            {
                writer.WritePropertyName("payload");
                JsonSerializer.Serialize(writer, payload, SlackJsonContext.Default.SlackMessage);
            }

            writer.WriteEndObject();
        }

        var locked = false;
        try
        {
            await _sendLock.WaitAsync(ct).ConfigureAwait(false);
            locked = true;
            await _transport.SendAsync(buffer.ToArray(), ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Slack redelivers an unacknowledged envelope; the caller delivers the reply another way.
            LogAckFailed(ex.Message);
            _end.TrySetResult(new SocketModeEnd(false, "send failed"));
            return false;
        }
        finally
        {
            if (locked)
            {
                _sendLock.Release();
            }

            // Only now: a connection being retired waits for this, and must not close under a send.
            _unacked.TryRemove(envelopeId, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Idempotent: a connection being retired after a disconnect request may also be disposed at shutdown.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await _transport.CloseAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
            {
                // Being abandoned anyway.
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_receive is not null)
        {
            await _receive.ConfigureAwait(false);
        }

        await _transport.DisposeAsync().ConfigureAwait(false);

        // The send lock is not disposed: an ack may still be waiting on it, and SemaphoreSlim.Dispose would not wake it.
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        try
        {
            while (await _transport.ReceiveAsync(ct).ConfigureAwait(false) is { } message)
            {
                Handle(message);
            }

            _end.TrySetResult(new SocketModeEnd(false, "connection closed"));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _end.TrySetResult(new SocketModeEnd(false, "closed by the bot"));
        }
        catch (Exception ex)
        {
            LogReceiveFailed(ex);
            _end.TrySetResult(new SocketModeEnd(false, "receive failed"));
        }
    }

    private void Handle(ReadOnlyMemory<byte> message)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message);
        }
        catch (JsonException ex)
        {
            LogMalformed(ex.Message);
            return;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                LogMalformed("not an object");
                return;
            }

            if (SocketEnvelope.From(root) is { } envelope)
            {
                _unacked.TryAdd(envelope.EnvelopeId, 0);
                _handler.Handle(envelope, this);
                return;
            }

            switch (TypeOf(root))
            {
                case "disconnect":
                    var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "unknown";
                    LogDisconnectRequested(reason);
                    _end.TrySetResult(new SocketModeEnd(true, reason));
                    break;
                case "hello":
                    break;
                default:
                    LogMalformed("unknown message type");
                    break;
            }
        }
    }

    private static string? TypeOf(ReadOnlyMemory<byte> message)
    {
        try
        {
            using var doc = JsonDocument.Parse(message);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? TypeOf(doc.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? TypeOf(JsonElement root) =>
        root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: the first message was not hello")]
    private partial void LogNoHello();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: cannot connect: {Error}")]
    private partial void LogConnectFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: an ack could not be sent: {Error}")]
    private partial void LogAckFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked to disconnect ({Reason}); opening a fresh connection first")]
    private partial void LogDisconnectRequested(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: ignored an unreadable message ({Error})")]
    private partial void LogMalformed(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode: the receive loop failed")]
    private partial void LogReceiveFailed(Exception ex);
}
