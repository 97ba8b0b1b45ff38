namespace IncidentBot.Discord.Interactions;

/// <summary>A Discord user: only the id is relied on (usernames change and may contain mentions).</summary>
public sealed record DiscordUser
{
    public required string Id { get; init; }

    public string? Username { get; init; }
}
