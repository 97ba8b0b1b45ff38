using IncidentBot.Core.Health;
using IncidentBot.Core.Telemetry;

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
    /// <summary>Counts reconnects and resumes; null in tests that do not look.</summary>
    public IncidentBotMetrics? Metrics { get; init; }

    /// <summary>Where this shard reports its state for readiness; null in tests that do not look.</summary>
    public ConnectionHealth? Health { get; init; }

    /// <summary>This shard's name in <see cref="ConnectionHealth"/>.</summary>
    public string HealthName => $"discord.shard.{ShardId}";

    /// <summary>Jitter in [0, 1) for the first heartbeat and for reconnect waits.</summary>
    public double Jitter() => Math.Clamp(Timings.Random(), 0, 0.999_999);

    public TimeSpan RandomBetween(TimeSpan min, TimeSpan max) => min + ((max - min) * Jitter());

    public void Report(ConnectionState state, string? detail = null) => Health?.Report(HealthName, state, detail);

    /// <summary>The token stays out of logs and exception messages: records print their members.</summary>
    public override string ToString() => $"shard {ShardId}/{ShardCount}";
}
