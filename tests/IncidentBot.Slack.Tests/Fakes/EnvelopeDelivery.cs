namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>One send of an envelope id on a <see cref="FakeSocketConnection"/>.</summary>
internal sealed class EnvelopeDelivery(DateTimeOffset sentAt, bool acceptsPayload, int ackMark)
{
    public DateTimeOffset SentAt { get; } = sentAt;

    /// <summary>The envelope's <c>accepts_response_payload</c>.</summary>
    public bool AcceptsPayload { get; } = acceptsPayload;

    /// <summary>How many acks had arrived when this delivery was sent; its ack comes after.</summary>
    public int AckMark { get; } = ackMark;

    public bool Acked { get; set; }
}
