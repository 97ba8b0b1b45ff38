namespace IncidentBot.Discord.Gateway;

/// <summary>A received message, or the end of the connection with the close code Discord sent (null when the
/// connection dropped without a close frame).</summary>
public sealed record GatewayReceiveResult(ReadOnlyMemory<byte> Message, bool Closed, int? CloseCode, string? CloseReason)
{
    public static GatewayReceiveResult Text(ReadOnlyMemory<byte> message) => new(message, false, null, null);

    public static GatewayReceiveResult Close(int? code, string? reason) => new(ReadOnlyMemory<byte>.Empty, true, code, reason);
}
