namespace IncidentBot.Discord.Gateway;

/// <summary>
/// What a shard keeps between connections to resume: the session id and resume URL from READY and the last
/// sequence number seen. Touched by the receive loop and read by the heartbeat, hence the lock.
/// </summary>
public sealed class GatewaySession
{
    private readonly System.Threading.Lock _lock = new();
    private string? _sessionId;
    private Uri? _resumeUrl;
    private int? _sequence;

    public string? SessionId
    {
        get { lock (_lock) { return _sessionId; } }
    }

    public Uri? ResumeUrl
    {
        get { lock (_lock) { return _resumeUrl; } }
    }

    /// <summary>The last non-null <c>s</c> received, sent in heartbeats and in Resume.</summary>
    public int? Sequence
    {
        get { lock (_lock) { return _sequence; } }
    }

    public bool CanResume
    {
        get { lock (_lock) { return _sessionId is not null && _resumeUrl is not null; } }
    }

    public void Started(string sessionId, Uri resumeUrl)
    {
        lock (_lock)
        {
            _sessionId = sessionId;
            _resumeUrl = resumeUrl;
        }
    }

    public void Saw(int sequence)
    {
        lock (_lock)
        {
            _sequence = sequence;
        }
    }

    /// <summary>Forgets the session: the next connection identifies afresh.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _sessionId = null;
            _resumeUrl = null;
            _sequence = null;
        }
    }
}
