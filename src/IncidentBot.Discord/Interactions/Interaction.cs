using System.Text.Json.Serialization;

namespace IncidentBot.Discord.Interactions;

/// <summary>
/// The interaction object: the <c>d</c> of a gateway <c>INTERACTION_CREATE</c> dispatch, or the body Discord
/// POSTs to the HTTP interactions endpoint. Only the fields the bot reads; unknown fields are ignored and
/// every optional field may be missing (the documentation's own samples omit several).
/// </summary>
public sealed record Interaction
{
    public required string Id { get; init; }

    public string? ApplicationId { get; init; }

    public InteractionType Type { get; init; }

    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>Present when invoked in a server; carries the member's permissions there.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Present when invoked in a DM.</summary>
    public DiscordUser? User { get; init; }

    /// <summary>Authenticates the callback and webhook routes for 15 minutes. Never log it.</summary>
    public required string Token { get; init; }

    public int Version { get; init; }

    public string? Locale { get; init; }

    /// <summary>The invoker: <c>member.user</c> in servers, <c>user</c> in DMs.</summary>
    [JsonIgnore]
    public DiscordUser? Invoker => Member?.User ?? User;

    /// <summary>Without the token: a record would print every member, and the token must not reach logs.</summary>
    public override string ToString() => $"interaction {Id} (type {Type}, {Data?.Name ?? Data?.CustomId})";
}
