namespace IncidentBot.Discord.Gateway;

/// <summary>What every connection of one shard shares: who it is, the token, timings, and where events go.</summary>
public sealed record ShardContext(
    int ShardId,
    int ShardCount,
    string Token,
    IdentifyGate IdentifyGate,
    IGatewayEventSink Sink,
    GatewayTimings Timings,
    TimeProvider Time)
{
    /// <summary>Jitter in [0, 1) for the first heartbeat and for reconnect waits.</summary>
    public double Jitter() => Math.Clamp(Timings.Random(), 0, 0.999_999);

    public TimeSpan RandomBetween(TimeSpan min, TimeSpan max) => min + ((max - min) * Jitter());

    /// <summary>The token stays out of logs and exception messages: records print their members.</summary>
    public override string ToString() => $"shard {ShardId}/{ShardCount}";
}
