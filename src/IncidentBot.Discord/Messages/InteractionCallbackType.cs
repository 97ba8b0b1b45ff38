namespace IncidentBot.Discord.Messages;

/// <summary>Interaction callback types this bot uses.</summary>
public enum InteractionCallbackType
{
    /// <summary>Answers a PING (HTTP mode only).</summary>
    Pong = 1,

    /// <summary>Answers with a message now.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>"Thinking…": the message follows by editing <c>@original</c>.</summary>
    DeferredChannelMessageWithSource = 5,
}
