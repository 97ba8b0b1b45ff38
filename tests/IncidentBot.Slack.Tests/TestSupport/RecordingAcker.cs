using System.Collections.Concurrent;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.SocketMode;

namespace IncidentBot.Slack.Tests.TestSupport;

/// <summary>One acknowledgement seen by <see cref="RecordingAcker"/>.</summary>
internal sealed record RecordedAck(string EnvelopeId, SlackMessage? Payload, DateTimeOffset At);

/// <summary>An <see cref="ISocketAcker"/> that records acks with the time on <see cref="Clock"/> (no socket).</summary>
internal sealed class RecordingAcker(TimeProvider clock) : ISocketAcker
{
    private readonly ConcurrentQueue<RecordedAck> _acks = new();

    public TimeProvider Clock { get; } = clock;

    public IReadOnlyList<RecordedAck> Acks => [.. _acks];

    public int Count => _acks.Count;

    /// <summary>When false, acks are recorded but reported as lost (the socket went away).</summary>
    public bool Succeeds { get; set; } = true;

    public Task<bool> AckAsync(string envelopeId, SlackMessage? payload, CancellationToken ct)
    {
        _acks.Enqueue(new RecordedAck(envelopeId, payload, Clock.GetUtcNow()));
        return Task.FromResult(Succeeds);
    }
}
