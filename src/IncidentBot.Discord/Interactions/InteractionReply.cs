using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Interactions;

/// <summary>What the bot answers to one interaction, before it is delivered (HTTP body or REST callback).</summary>
/// <param name="Response">The callback; null when the interaction is ignored (unknown types).</param>
public sealed record InteractionReply(InteractionResponse? Response)
{
    public static InteractionReply Ignore { get; } = new((InteractionResponse?)null);

    public static InteractionReply Message(MessagePayload message) => new(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, message));
}
