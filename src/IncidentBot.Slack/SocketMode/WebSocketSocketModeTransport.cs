using System.Buffers;
using System.Net.WebSockets;

namespace IncidentBot.Slack.SocketMode;

/// <summary><see cref="ISocketModeTransport"/> over <see cref="ClientWebSocket"/>; a message may span several frames.</summary>
public sealed class WebSocketSocketModeTransport : ISocketModeTransport
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    public async Task ConnectAsync(Uri url, CancellationToken ct)
    {
        // Pings with a deadline: behind NAT a connection can die silently, and Slack sends nothing for long
        // stretches, so without a pong timeout the bot would wait on a dead socket forever.
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
        await _socket.ConnectAsync(url, ct).ConfigureAwait(false);
    }

    public Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken ct) =>
        _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct).AsTask();

    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct)
    {
        _buffer.ResetWrittenCount();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_buffer.GetMemory(8 * 1024), ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                _buffer.Advance(result.Count);
                if (_buffer.WrittenCount > MaxMessageBytes)
                {
                    return null;
                }

                if (result.EndOfMessage)
                {
                    return _buffer.WrittenMemory.ToArray();
                }
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    public async Task CloseAsync(CancellationToken ct)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", ct).ConfigureAwait(false);
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
