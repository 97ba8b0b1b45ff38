using System.Text.Json;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// A Socket Mode acknowledgement the client sent: <c>{"envelope_id":"…","payload":{…}}</c>, payload optional
/// (node-slack-sdk SocketModeClient.ts:L397-L405; PROTOCOLS.md §7.3).
/// </summary>
/// <param name="EnvelopeId">The acknowledged <c>envelope_id</c>.</param>
/// <param name="Payload">The <c>payload</c> member when present and not null (an immediate reply message).</param>
/// <param name="At">When the fake read it, by <see cref="FakeSlack.Time"/>; compare with <see cref="FakeSocketConnection.SentAt"/>.</param>
/// <param name="Raw">The frame text as sent.</param>
public sealed record SocketAck(string EnvelopeId, JsonElement? Payload, DateTimeOffset At, string Raw)
{
    /// <inheritdoc />
    public override string ToString() => Raw;
}
