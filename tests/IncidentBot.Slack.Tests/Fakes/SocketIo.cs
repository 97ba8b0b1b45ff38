using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Text;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>One whole client message: text, binary (size only), or a close frame with its status.</summary>
internal readonly record struct SocketMessage(WebSocketMessageType Type, string Text, int? CloseStatus)
{
    public bool IsClose => Type == WebSocketMessageType.Close;
}

/// <summary>
/// Socket I/O for a <see cref="FakeSocketConnection"/>: serialized sends (a WebSocket allows one send at a
/// time), whole-message reads (capped at 1 MiB), closes and aborts.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim never allocates a wait handle; FakeSlack aborts every socket on dispose.")]
internal sealed class SocketIo(WebSocket socket, Action abortTransport)
{
    private const int MaxMessageBytes = 1 << 20;

    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public WebSocketState State => socket.State;

    public async Task SendAsync(string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task<SocketMessage> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new SocketMessage(WebSocketMessageType.Close, string.Empty, (int?)socket.CloseStatus);
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"Client message larger than {MaxMessageBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                var text = result.MessageType == WebSocketMessageType.Text
                    ? Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length)
                    : $"(binary frame, {message.Length} bytes)";
                return new SocketMessage(result.MessageType, text, null);
            }
        }
    }

    /// <summary>Sends a close frame if the socket can still send one.</summary>
    public async Task CloseOutputAsync(int code, string? reason, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, ct);
            }
        }
        catch (WebSocketException)
        {
            // Already gone; the receive loop records how.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Completes a client-initiated close by echoing its status (1005 "no status" cannot be sent).</summary>
    public Task EchoCloseAsync(int? status) =>
        CloseOutputAsync(status is null or (int)WebSocketCloseStatus.Empty ? (int)WebSocketCloseStatus.NormalClosure : status.Value, null, CancellationToken.None);

    /// <summary>Drops the TCP connection (no close frame), then marks the WebSocket aborted.</summary>
    public void Abort()
    {
        abortTransport();
        socket.Abort();
    }
}
