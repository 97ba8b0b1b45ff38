namespace IncidentBot.Core.Health;

/// <summary>The state of one chat connection, as readiness reports it.</summary>
public enum ConnectionState
{
    /// <summary>Starting; not yet connected for the first time.</summary>
    Connecting,

    /// <summary>Connected and receiving.</summary>
    Connected,

    /// <summary>Dropped; reconnecting by itself (a transient state: still ready).</summary>
    Reconnecting,

    /// <summary>Working, but something an operator should fix (a refused bot token the answers do not need).</summary>
    Degraded,

    /// <summary>Given up for good (a rejected token, a disabled app): not ready until an operator fixes it.</summary>
    Failed,
}
