namespace IncidentBot.Discord.Gateway;

/// <summary>
/// Heartbeat bookkeeping for one connection. The first beat waits <c>interval × jitter</c> (jitter in [0, 1)) so
/// that many clients reconnecting at once do not beat in step; then one beat per interval. A beat that finds
/// the previous one un-ACKed means the connection is a zombie: the caller closes with a non-1000 code and resumes.
/// </summary>
public sealed class Heartbeater
{
    private readonly System.Threading.Lock _lock = new();
    private bool _awaitingAck;
    private DateTimeOffset _sentAt;

    public Heartbeater(TimeSpan interval, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1.0);
        Interval = interval;
        FirstDelay = interval * jitter;
    }

    public TimeSpan Interval { get; }

    public TimeSpan FirstDelay { get; }

    /// <summary>Round trip of the last ACKed heartbeat.</summary>
    public TimeSpan? Latency { get; private set; }

    /// <summary>Called when it is time to beat: false when the previous beat was never ACKed (a zombie).</summary>
    public bool TryBeat(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_awaitingAck)
            {
                return false;
            }

            _awaitingAck = true;
            _sentAt = now;
            return true;
        }
    }

    public void Acked(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_awaitingAck)
            {
                Latency = now - _sentAt;
            }

            _awaitingAck = false;
        }
    }
}
