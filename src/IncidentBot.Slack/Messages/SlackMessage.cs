namespace IncidentBot.Slack.Messages;

/// <summary>
/// A reply: the body of a slash command response (HTTP, or the payload of a Socket Mode ack) or of a
/// <c>response_url</c> post. <see cref="Text"/> is the notification fallback and is always set.
/// </summary>
public sealed record SlackMessage
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";

    /// <summary><c>ephemeral</c> (only the asker sees it) or <c>in_channel</c>.</summary>
    public string ResponseType { get; init; } = Ephemeral;

    public required string Text { get; init; }

    public IReadOnlyList<SlackBlock>? Blocks { get; init; }

    /// <summary>For <c>response_url</c> posts from a button: replace the message the button is on.</summary>
    public bool? ReplaceOriginal { get; init; }

    public bool? DeleteOriginal { get; init; }
}
