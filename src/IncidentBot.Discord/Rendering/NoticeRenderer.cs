using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Rendering;

/// <summary>Short ephemeral notices: "you're asking too fast", "admins only", errors.</summary>
public static class NoticeRenderer
{
    /// <summary>A content-only message only the invoker sees; the text is escaped and cut to 2000 chars.</summary>
    public static MessagePayload Ephemeral(string text)
    {
        // Discord rejects a message with empty content and nothing else: an empty notice is a caller bug.
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new MessagePayload
        {
            Content = TextTrimmer.Truncate(DiscordMarkdown.Escape(text.Trim()), DiscordLimits.Content),
            Flags = MessageFlags.Ephemeral,
        };
    }
}
