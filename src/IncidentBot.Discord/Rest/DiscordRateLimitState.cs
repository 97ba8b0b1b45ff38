using System.Collections.Concurrent;

namespace IncidentBot.Discord.Rest;

/// <summary>What the REST rate-limit handler knows, kept in one singleton because handler instances come and go.</summary>
public sealed class DiscordRateLimitState
{
    internal ConcurrentDictionary<string, DateTimeOffset> BlockedUntil { get; } = new(StringComparer.Ordinal);

    private long _globalBlockedUntilTicks;

    /// <summary>Written by any request that meets a global 429: stored as ticks so reads are never torn.</summary>
    internal DateTimeOffset GlobalBlockedUntil
    {
        get => new(Interlocked.Read(ref _globalBlockedUntilTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _globalBlockedUntilTicks, value.UtcTicks);
    }

#pragma warning disable CA1051, SA1401 // a field, so Interlocked can update it
    internal int InvalidInARow;
#pragma warning restore CA1051, SA1401

    /// <summary>True once repeated 401/403 answers stopped the sender (a bad token or missing permissions).</summary>
    public bool Stopped { get; internal set; }
}
