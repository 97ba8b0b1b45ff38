namespace IncidentBot.Discord.Messages;

/// <summary>The body of an interaction callback: <c>{"type": …, "data": …}</c>.</summary>
public sealed record InteractionResponse(InteractionCallbackType Type, MessagePayload? Data = null)
{
    public static InteractionResponse Pong { get; } = new(InteractionCallbackType.Pong);
}
