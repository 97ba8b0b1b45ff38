namespace IncidentBot.Discord.Gateway;

/// <summary>Protocol waits, with Discord's values as defaults; tests shorten them.</summary>
public sealed record GatewayTimings
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Hello is the first frame; a server that sends none in this time is treated as a dropped connection.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>After op 9 Invalid Session Discord asks for a random wait of 1–5 s.</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Identify concurrency window: <c>max_concurrency</c> identifies per 5 s.</summary>
    public TimeSpan IdentifyWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A connection up this long counts as stable: the next drop starts the backoff again from the base.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Send budget per connection: 120 events per 60 s (heartbeats included).</summary>
    public int SendLimit { get; init; } = 120;

    public TimeSpan SendWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Randomness in [0, 1) for heartbeat jitter and reconnect waits (fixed in tests).</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;
}
