namespace IncidentBot.Discord.Rest;

/// <summary><c>GET /gateway/bot</c>: where to connect and how many shards Discord recommends.</summary>
public sealed record GatewayBotInfo
{
    public required string Url { get; init; }

    public int Shards { get; init; } = 1;

    public SessionStartLimit? SessionStartLimit { get; init; }
}
