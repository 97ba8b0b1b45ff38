namespace IncidentBot.Discord.Interactions;

/// <summary>The invoking member in a server. <see cref="Permissions"/> is the decimal bitset of their permissions in the channel.</summary>
public sealed record GuildMember
{
    public DiscordUser? User { get; init; }

    public string? Permissions { get; init; }
}
