namespace IncidentBot.Discord.Rest;

/// <summary>Identify budget: <see cref="MaxConcurrency"/> identifies per 5 seconds, <see cref="Remaining"/> of 1000 a day.</summary>
public sealed record SessionStartLimit
{
    public int Total { get; init; }

    public int Remaining { get; init; }

    public long ResetAfter { get; init; }

    public int MaxConcurrency { get; init; } = 1;
}
