using System.Collections.Concurrent;

namespace IncidentBot.Discord.Rest;

/// <summary>What the REST rate-limit handler knows, kept in one singleton because handler instances come and go.</summary>
public sealed class DiscordRateLimitState
{
    internal ConcurrentDictionary<string, DateTimeOffset> BlockedUntil { get; } = new(StringComparer.Ordinal);

    internal DateTimeOffset GlobalBlockedUntil { get; set; }

#pragma warning disable CA1051, SA1401 // a field, so Interlocked can update it
    internal int InvalidInARow;
#pragma warning restore CA1051, SA1401

    /// <summary>True once repeated 401/403 answers stopped the sender (a bad token or missing permissions).</summary>
    public bool Stopped { get; internal set; }
}
