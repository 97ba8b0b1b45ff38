namespace IncidentBot.Discord.Gateway;

/// <summary>How one gateway connection ended, and what the shard should do next.</summary>
/// <param name="Action">Resume, start a new session, or stop (fatal).</param>
/// <param name="Reason">For the log: op 7, op 9, zombie, the close code in words.</param>
/// <param name="CloseCode">The close code Discord sent, if it closed the connection.</param>
/// <param name="Delay">A wait the protocol prescribes before reconnecting (1–5 s after op 9), else null.</param>
/// <param name="Immediate">Reconnect without backoff (Discord asked with op 7, or the connection was a zombie).</param>
public sealed record GatewayDisconnect(GatewayCloseAction Action, string Reason, int? CloseCode = null, TimeSpan? Delay = null, bool Immediate = false)
{
    /// <summary>True once READY or RESUMED arrived on the connection.</summary>
    public bool Established { get; init; }

    /// <summary>True when no connection could be opened at all.</summary>
    public bool ConnectFailed { get; init; }

    /// <summary>How long the connection was up.</summary>
    public TimeSpan Duration { get; init; }
}
