namespace IncidentBot.Slack.SocketMode;

/// <summary>One Socket Mode WebSocket, reduced to whole text messages: the protocol logic talks only to this seam.</summary>
public interface ISocketModeTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri url, CancellationToken ct);

    Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken ct);

    /// <summary>The next whole text message, or null when the connection closed or dropped.</summary>
    Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct);

    Task CloseAsync(CancellationToken ct);
}
