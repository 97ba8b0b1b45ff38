namespace IncidentBot.Slack.SocketMode;

/// <summary>Socket Mode waits, with production defaults; tests shorten them.</summary>
public sealed record SocketModeTimings
{
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an old connection may linger after Slack asked to disconnect, while the new one opens.</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromSeconds(10);

    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;
}
