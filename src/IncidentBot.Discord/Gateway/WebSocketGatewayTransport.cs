using System.Buffers;
using System.Net.WebSockets;

namespace IncidentBot.Discord.Gateway;

/// <summary>
/// <see cref="IGatewayTransport"/> over <see cref="ClientWebSocket"/>. Without <c>compress</c> every gateway
/// payload is one UTF-8 JSON text message, but a message may arrive in several frames: read to EndOfMessage.
/// </summary>
public sealed class WebSocketGatewayTransport : IGatewayTransport
{
    /// <summary>READY for a bot in many servers is large; anything beyond this is treated as a broken stream.</summary>
    private const int MaxMessageBytes = 16 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    public async Task ConnectAsync(Uri url, CancellationToken ct)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        await _socket.ConnectAsync(url, ct).ConfigureAwait(false);
    }

    public Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken ct) =>
        _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct).AsTask();

    public async Task<GatewayReceiveResult> ReceiveAsync(CancellationToken ct)
    {
        _buffer.ResetWrittenCount();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_buffer.GetMemory(16 * 1024), ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return GatewayReceiveResult.Close((int?)_socket.CloseStatus, _socket.CloseStatusDescription);
                }

                _buffer.Advance(result.Count);
                if (_buffer.WrittenCount > MaxMessageBytes)
                {
                    return GatewayReceiveResult.Close(null, "message too large");
                }

                if (result.EndOfMessage)
                {
                    // Copied: the buffer is reused by the next receive while this message is still being handled.
                    return GatewayReceiveResult.Text(_buffer.WrittenMemory.ToArray());
                }
            }
        }
        catch (WebSocketException ex)
        {
            return GatewayReceiveResult.Close(null, ex.Message);
        }
    }

    public async Task CloseAsync(int closeCode, string reason, CancellationToken ct)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                // CloseOutput: do not wait for the server's echo; the connection is being abandoned anyway.
                await _socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, reason, ct).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                _socket.Abort();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
