namespace IncidentBot.Discord.Messages;

/// <summary><c>allowed_mentions</c>: an empty <c>parse</c> list suppresses every ping (users, roles, @everyone).</summary>
public sealed record AllowedMentions
{
    public static AllowedMentions None { get; } = new();

    public IReadOnlyList<string> Parse { get; init; } = [];
}
