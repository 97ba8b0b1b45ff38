using System.Text;
using IncidentBot.Core.Answers;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Makes document and question text show literally in Discord Markdown, and marks highlighted words in bold.
/// Pings are already prevented by <c>allowed_mentions</c>; the mention escaping here only stops mentions from
/// <em>rendering</em> as mentions (a quoted <c>&lt;@123&gt;</c> would otherwise show as a user chip).
/// </summary>
public static class DiscordMarkdown
{
    /// <summary>Zero-width space: breaks <c>@everyone</c>/<c>@here</c> without changing how the text reads.</summary>
    internal const char ZeroWidthSpace = '\u200B';

    private const string BoldMarker = "**";

    /// <summary>Escapes every Markdown construct in <paramref name="text"/> so it renders as typed.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        AppendEscaped(escaped, text, 0, text.Length);
        return escaped.ToString();
    }

    /// <summary>
    /// Escapes <paramref name="text"/> and wraps each highlighted range in <c>**…**</c>. Spans index the
    /// unescaped text; they are clamped to it (spans wholly outside are ignored), widened so they never split a
    /// surrogate pair, sorted, and merged when they overlap or touch (<c>**a****b**</c> would not render).
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
            marked.Append(BoldMarker);
            AppendEscaped(marked, text, start, end);
            marked.Append(BoldMarker);
            position = end;
        }

        AppendEscaped(marked, text, position, text.Length);
        return marked.ToString();
    }

    /// <summary>
    /// Escapes <c>text[start..end)</c>. Context (line starts, <c>@everyone</c>) is read from the whole text, so
    /// escaping a text piece by piece gives the same result as escaping it at once.
    /// </summary>
    private static void AppendEscaped(StringBuilder output, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                // Backslash first: an unescaped one would escape whatever we put after it.
                case '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '[' or ']' or '(' or ')':
                    output.Append('\\').Append(c);
                    break;

                // Every '<' is escaped, not only mention-shaped ones: "\<" renders as "<", and this also covers
                // <@!id>, </command:id>, <t:…> timestamps and <:emoji:id>, which would otherwise render.
                case '<':
                    output.Append("\\<");
                    break;

                // Headings ("# ", "-# " subtext) and bullet lists only exist at the start of a line.
                case '#' or '-' when MarkupText.IsLineStart(text, i):
                    output.Append('\\').Append(c);
                    break;

                // "1. " at a line start is an ordered list: escape the dot, which keeps the number readable.
                case '.' when IsOrderedListDot(text, i):
                    output.Append("\\.");
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

    private static bool IsOrderedListDot(string text, int index)
    {
        var digitsStart = index;
        while (digitsStart > 0 && char.IsAsciiDigit(text[digitsStart - 1]))
        {
            digitsStart--;
        }

        return digitsStart < index && MarkupText.IsLineStart(text, digitsStart);
    }

    // Case-insensitive on purpose: breaking a harmless "@Here" costs nothing.
    private static bool IsMassMention(string text, int index) =>
        text.AsSpan(index + 1).StartsWith("everyone", StringComparison.OrdinalIgnoreCase) ||
        text.AsSpan(index + 1).StartsWith("here", StringComparison.OrdinalIgnoreCase);
}
