namespace IncidentBot.Discord.Messages;

/// <summary>
/// A message we send: the <c>data</c> of an interaction callback, or the body of a webhook edit or follow-up.
/// <see cref="AllowedMentions"/> is always sent (empty parse list): the interaction default would let a
/// <c>@everyone</c> or a user mention quoted from a document or a question ping people.
/// </summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<ActionRow>? Components { get; init; }

    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>64 = EPHEMERAL: only the invoker sees the message.</summary>
    public int? Flags { get; init; }
}
