using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Rendering;

/// <summary>Short ephemeral notices ("you're asking too fast", "admins only", errors) and the <c>/ask</c> usage help.</summary>
public static class NoticeRenderer
{
    /// <summary>The example question of the usage help.</summary>
    public const string ExampleQuestion = "How many users were targeted?";

    private const string DefaultAskCommand = "/ask";

    // A slash command name is at most 32 chars; the cap only guards a misconfigured one.
    private const int MaxCommandLength = 64;

    /// <summary>
    /// An ephemeral message with one section; <see cref="SlackMessage.Text"/> and the section hold the same text,
    /// escaped (a notice may quote user input) and cut to 3000 chars.
    /// </summary>
    public static SlackMessage Ephemeral(string text)
    {
        // Slack rejects an empty section text: an empty notice is a caller bug.
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var escaped = SlackTrimmer.Truncate(SlackText.Escape(text.Trim()), SlackLimits.SectionText);
        return new SlackMessage
        {
            ResponseType = SlackMessage.Ephemeral,
            Text = escaped,
            Blocks = [new SectionBlock(TextObject.Markdown(escaped))],
        };
    }

    /// <summary>
    /// The help for an empty <c>/ask</c>: "Ask a question about the incident: `/ask How many users were targeted?`".
    /// </summary>
    /// <param name="askCommand">The configured ask command (e.g. <c>/ask</c>); blank gives <c>/ask</c>.</param>
    public static SlackMessage Usage(string askCommand)
    {
        var command = string.IsNullOrWhiteSpace(askCommand) ? DefaultAskCommand : SlackFormat.Plain(askCommand, MaxCommandLength);
        var example = $"{command} {ExampleQuestion}";
        var text = $"Ask a question about the incident: `{example}`\n"
            + "Every answer quotes a sentence from the indexed documents, with numbered sources.";
        return new SlackMessage
        {
            ResponseType = SlackMessage.Ephemeral,
            Text = $"Ask a question about the incident: {example}",
            Blocks = [new SectionBlock(TextObject.Markdown(text))],
        };
    }
}
