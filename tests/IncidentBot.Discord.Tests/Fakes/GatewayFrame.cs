using System.Text.Json;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// One gateway payload the client sent, as the fake received it. Gateway payloads are
/// <c>{"op", "d", "s", "t"}</c> envelopes; clients only ever send <c>op</c> and <c>d</c> (PROTOCOLS.md §1.1).
/// </summary>
/// <param name="Op">The opcode (1 heartbeat, 2 identify, 6 resume, ...).</param>
/// <param name="D">The <c>d</c> field; <see cref="JsonValueKind.Undefined"/> when the client left it out.</param>
/// <param name="ReceivedAt">When the last fragment of the message arrived.</param>
/// <param name="Raw">The exact text the client sent.</param>
public sealed record GatewayFrame(int Op, JsonElement D, DateTimeOffset ReceivedAt, string Raw)
{
    /// <inheritdoc />
    public override string ToString() => $"op {Op}: {Raw}";
}
