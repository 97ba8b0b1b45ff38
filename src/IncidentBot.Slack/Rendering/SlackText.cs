using System.Text;
using IncidentBot.Core.Answers;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Makes document, question and error text show literally in Slack <c>mrkdwn</c>, and marks highlighted words in
/// bold. Slack has no backslash escape, so:
/// <list type="bullet">
/// <item><c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> become <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>, exactly as Slack
/// documents: no <c>&lt;!channel&gt;</c>, <c>&lt;@U1&gt;</c> or <c>&lt;url|text&gt;</c> from a document ever becomes a
/// mention or a link.</item>
/// <item>The formatting characters <c>*</c> <c>_</c> <c>~</c> <c>`</c> are replaced by look-alikes
/// (<c>∗</c> U+2217, <c>ˍ</c> U+02CD, <c>∼</c> U+223C, <c>ˋ</c> U+02CB). A zero-width space next to them would not
/// do: Slack treats it as a word boundary, which is how it <em>enables</em> bold inside a word. With look-alikes
/// the output holds no formatting character at all, whatever Slack's parser does; the cost is that a copied
/// <c>snake_case</c> name reads <c>snakeˍcase</c>.</item>
/// <item>A <c>&gt;</c> at the start of a line (a block quote even when escaped) gets a zero-width space before it.</item>
/// <item><c>@channel</c>, <c>@here</c> and <c>@everyone</c> get a zero-width space after the <c>@</c>: mrkdwn text
/// objects are sent with <c>verbatim: true</c>, but the fallback <c>text</c> of a message has no such switch.</item>
/// </list>
/// Every <c>*</c> in the output of <see cref="Escape"/> and <see cref="Bold"/> is therefore one of our bold markers.
/// </summary>
public static class SlackText
{
    /// <summary>Zero-width space: an invisible word boundary for Slack.</summary>
    public const char ZeroWidthSpace = '\u200B';

    private const char BoldMarker = '*';

    // Longer URLs are left out: the title still says where the quote is from.
    private const int MaxLinkLength = 400;

    /// <summary>Escapes <paramref name="text"/> so it renders as typed (see the type's remarks).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        AppendEscaped(escaped, text, 0, text.Length);
        return escaped.ToString();
    }

    /// <summary>
    /// Escapes <paramref name="text"/> and wraps each highlighted range in <c>*…*</c>. Spans index the unescaped
    /// text; they are clamped to it (spans wholly outside are ignored), widened so they never split a surrogate
    /// pair, trimmed of white space (<c>* word*</c> does not render), sorted, and merged when they overlap or touch
    /// (<c>*a**b*</c> does not render). Slack only bolds on word boundaries, so a marker next to anything but white
    /// space gets a zero-width space on its outer side (<c>*user*</c>, zero-width space, <c>s</c>). The text's own edges count as boundaries:
    /// callers put white space or a line break around the result.
    /// </summary>
    public static string Bold(string text, IReadOnlyList<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var marked = new StringBuilder(text.Length + 16 + (spans.Count * 4));
        var position = 0;
        foreach (var (start, end) in HighlightRanges.Normalize(text, spans))
        {
            AppendEscaped(marked, text, position, start);
            if (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                marked.Append(ZeroWidthSpace);
            }

            marked.Append(BoldMarker);
            AppendEscaped(marked, text, start, end);
            marked.Append(BoldMarker);
            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                marked.Append(ZeroWidthSpace);
            }

            position = end;
        }

        AppendEscaped(marked, text, position, text.Length);
        return marked.ToString();
    }

    /// <summary>
    /// A <c>&lt;url|text&gt;</c> link for an absolute http(s) URL, else null (no <c>javascript:</c>, <c>file:</c>,
    /// <c>mailto:</c>, relative paths, or URLs over 400 chars). In the URL, spaces, <c>|</c>, <c>&lt;</c> and
    /// <c>&gt;</c> are percent-encoded (they would end the link early) and <c>&amp;</c> is escaped; the text is
    /// escaped, kept on one line, and its <c>|</c> replaced by <c>∣</c> (U+2223).
    /// </summary>
    public static string? Link(string? url, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var target = uri.AbsoluteUri
            .Replace(" ", "%20", StringComparison.Ordinal)
            .Replace("|", "%7C", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal)
            .Replace("&", "&amp;", StringComparison.Ordinal);
        if (target.Length > MaxLinkLength || target.Any(char.IsControl))
        {
            return null;
        }

        var label = Escape(SlackFormat.SingleLine(text.Trim())).Replace('|', '\u2223');
        return label.Length == 0 ? $"<{target}>" : $"<{target}|{label}>";
    }

    /// <summary>
    /// Escapes <c>text[start..end)</c>. Context (line starts, <c>@here</c>) is read from the whole text, so
    /// escaping a text piece by piece gives the same result as escaping it at once.
    /// </summary>
    private static void AppendEscaped(StringBuilder output, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    output.Append("&amp;");
                    break;
                case '<':
                    output.Append("&lt;");
                    break;
                case '>':
                    if (MarkupText.IsLineStart(text, i))
                    {
                        output.Append(ZeroWidthSpace);
                    }

                    output.Append("&gt;");
                    break;
                case '*':
                    output.Append('\u2217');
                    break;
                case '_':
                    output.Append('\u02CD');
                    break;
                case '~':
                    output.Append('\u223C');
                    break;
                case '`':
                    output.Append('\u02CB');
                    break;
                case '@' when IsMassMention(text, i):
                    output.Append('@').Append(ZeroWidthSpace);
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
    }

    // Case-insensitive on purpose: breaking a harmless "@Here" costs nothing.
    private static bool IsMassMention(string text, int index)
    {
        var rest = text.AsSpan(index + 1);
        return rest.StartsWith("channel", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("here", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("everyone", StringComparison.OrdinalIgnoreCase);
    }
}
