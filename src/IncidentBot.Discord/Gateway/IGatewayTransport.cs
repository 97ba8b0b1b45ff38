namespace IncidentBot.Discord.Gateway;

/// <summary>
/// One gateway WebSocket, reduced to whole messages. The protocol state machine (<see cref="GatewayConnection"/>)
/// talks only to this seam, so the socket lives in exactly one class.
/// </summary>
public interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri url, CancellationToken ct);

    /// <summary>Sends one text message (a JSON payload).</summary>
    Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken ct);

    /// <summary>The next whole text message, or how the connection closed.</summary>
    Task<GatewayReceiveResult> ReceiveAsync(CancellationToken ct);

    /// <summary>Closes with <paramref name="closeCode"/>; codes other than 1000/1001 keep the session resumable.</summary>
    Task CloseAsync(int closeCode, string reason, CancellationToken ct);
}
