using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Text;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>One whole client message: text/binary bytes, or a close frame with its status.</summary>
internal readonly record struct GatewayMessage(WebSocketMessageType Type, ReadOnlyMemory<byte> Payload, int? CloseStatus)
{
    public bool IsClose => Type == WebSocketMessageType.Close;

    public bool IsText => Type == WebSocketMessageType.Text;
}

/// <summary>
/// Socket I/O for a <see cref="FakeGatewayConnection"/>: serialized sends (a WebSocket allows one send at
/// a time), whole-message reads capped just above the gateway's 4096-byte limit, closes and aborts.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim never allocates a wait handle; FakeDiscord aborts every socket on dispose.")]
internal sealed class GatewaySocket(WebSocket socket, Action abortTransport)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>One byte more than the limit, so an oversize message is detected without buffering it all.</summary>
    private readonly byte[] _buffer = new byte[GatewayClientRules.MaxPayloadBytes + 1];

    public async Task SendAsync(string json, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
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

    /// <summary>
    /// Reads until the end of a message, or until more than 4096 bytes arrived (the rest is then read as
    /// further messages, which the connection ignores once it has closed).
    /// </summary>
    public async Task<GatewayMessage> ReceiveAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer.AsMemory(total), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new GatewayMessage(WebSocketMessageType.Close, ReadOnlyMemory<byte>.Empty, (int?)socket.CloseStatus);
            }

            total += result.Count;
            if (result.EndOfMessage || total == _buffer.Length)
            {
                return new GatewayMessage(result.MessageType, _buffer.AsMemory(0, total), null);
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

    /// <summary>Completes a client-initiated close handshake by echoing its status (1005 "no status" cannot be sent).</summary>
    public Task EchoCloseAsync(int? status) =>
        CloseOutputAsync(status is null or (int)WebSocketCloseStatus.Empty ? (int)WebSocketCloseStatus.NormalClosure : status.Value, null, CancellationToken.None);

    /// <summary>Drops the TCP connection (no close frame), then marks the WebSocket aborted.</summary>
    public void Abort()
    {
        abortTransport();
        socket.Abort();
    }
}
