namespace IncidentBot.Slack.Payloads;

/// <summary>
/// A slash command invocation: the form fields of an HTTP command request, or the <c>payload</c> of a Socket Mode
/// <c>slash_commands</c> envelope (the same fields as JSON strings). Only the fields the bot reads.
/// </summary>
public sealed record SlashCommand
{
    public required string Command { get; init; }

    /// <summary>Everything typed after the command; may be empty.</summary>
    public string Text { get; init; } = "";

    public required string UserId { get; init; }

    public string? TeamId { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>Where later replies go: up to 5 posts within 30 minutes. Never logged (it authenticates like a token).</summary>
    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    /// <summary>Without the response URL.</summary>
    public override string ToString() => $"{Command} by {UserId}";

    /// <summary>Reads the fields of an HTTP form or a Socket Mode payload; null when a required one is missing.</summary>
    public static SlashCommand? From(Func<string, string?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var command = field("command");
        var user = field("user_id");
        if (string.IsNullOrEmpty(command) || string.IsNullOrEmpty(user))
        {
            return null;
        }

        return new SlashCommand
        {
            Command = command,
            Text = field("text") ?? "",
            UserId = user,
            TeamId = field("team_id"),
            ChannelId = field("channel_id"),
            ResponseUrl = field("response_url"),
            TriggerId = field("trigger_id"),
        };
    }
}
