namespace IncidentBot.Slack.Messages;

/// <summary>A text object: <c>mrkdwn</c> (bold with *…*; &amp;, &lt;, &gt; must be escaped) or <c>plain_text</c>.</summary>
public sealed record TextObject(string Type, string Text)
{
    /// <summary>
    /// For mrkdwn: true stops Slack from turning bare URLs, channel names and mentions in the text into links or
    /// pings by itself; the explicit <c>&lt;url|text&gt;</c> links we write still work.
    /// </summary>
    public bool? Verbatim { get; init; }

    public static TextObject Markdown(string text) => new("mrkdwn", text) { Verbatim = true };

    public static TextObject Plain(string text) => new("plain_text", text);
}
