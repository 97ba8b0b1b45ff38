namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Shortens (usually already escaped) Slack <c>mrkdwn</c> to a length limit without breaking it: the cut prefers a
/// word boundary, never splits a surrogate pair, never leaves a cut <c>&amp;amp;</c>-style entity, a cut
/// <c>&lt;url|text&gt;</c> link or an unclosed <c>*</c> bold marker, drops trailing white space and zero-width
/// spaces, and is marked with <c>…</c>. Every <c>*</c> outside <c>&lt;…&gt;</c> is read as a bold marker, which holds
/// for text from <see cref="SlackText"/> (it replaces literal asterisks). Lengths are UTF-16 chars.
/// </summary>
public static class SlackTrimmer
{
    /// <summary>Appended to every shortened text (one UTF-16 char).</summary>
    public const char Ellipsis = '…';

    private const char BoldMarker = '*';

    /// <summary>The longest entity Slack uses, <c>&amp;amp;</c>.</summary>
    private const int MaxEntityLength = 5;

    /// <summary>How far back (in % of the limit) a word boundary may be to be preferred over a hard cut.</summary>
    private const int WordBoundaryReachPercent = 20;

    /// <summary>Returns <paramref name="text"/> if it fits, else a shortened copy ending in <c>…</c>.</summary>
    /// <returns>A string of at most <paramref name="maxLength"/> UTF-16 chars.</returns>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (maxLength == 0)
        {
            return string.Empty;
        }

        // Closing a bold run adds a char after the cut; when that overflows, cut earlier and try again. The budget
        // shrinks on every pass, and an empty head always fits, so this ends.
        var budget = maxLength - 1;
        while (true)
        {
            var candidate = Shorten(text, budget, maxLength);
            if (candidate.Length <= maxLength || budget == 0)
            {
                return candidate;
            }

            budget = Math.Max(0, budget - (candidate.Length - maxLength));
        }
    }

    private static string Shorten(string text, int budget, int maxLength)
    {
        var head = Tidy(text.AsSpan(0, CutPoint(text, budget, maxLength)));
        var (markers, lastMarker) = ScanBold(head);
        if (markers % 2 == 0)
        {
            return string.Concat(head, Ellipsis.ToString());
        }

        if (lastMarker == head.Length - 1)
        {
            // The unmatched "*" opens a run with nothing left in it: remove it (and the zero-width space before it).
            return string.Concat(Tidy(head[..^1]), Ellipsis.ToString());
        }

        return string.Concat(head, BoldMarker.ToString(), Ellipsis.ToString());
    }

    /// <summary>Where to cut so that <c>text[..cut]</c> has at most <paramref name="budget"/> chars.</summary>
    private static int CutPoint(string text, int budget, int maxLength)
    {
        var cut = budget;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // text[cut] itself is included: white space right after the budget is a clean word boundary.
        var reach = Math.Max(1, cut - (maxLength * WordBoundaryReachPercent / 100));
        for (var i = cut; i >= reach; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return cut;
    }

    /// <summary>Drops trailing white space, zero-width spaces, a cut entity and a cut link, until none is left.</summary>
    private static ReadOnlySpan<char> Tidy(ReadOnlySpan<char> head)
    {
        while (true)
        {
            var length = head.Length;
            head = head.TrimEnd().TrimEnd(SlackText.ZeroWidthSpace);

            var amp = head.LastIndexOf('&');
            if (amp >= 0 && head.Length - amp < MaxEntityLength && IsAsciiLetters(head[(amp + 1)..]))
            {
                head = head[..amp];
            }

            var open = head.LastIndexOf('<');
            if (open >= 0 && head[open..].IndexOf('>') < 0)
            {
                head = head[..open];
            }

            if (head.Length == length)
            {
                return head;
            }
        }
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Counts <c>*</c> markers outside <c>&lt;…&gt;</c> links and mentions, and where the last one is.</summary>
    private static (int Markers, int LastMarker) ScanBold(ReadOnlySpan<char> text)
    {
        var markers = 0;
        var lastMarker = -1;
        var inLink = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<':
                    inLink = true;
                    break;
                case '>':
                    inLink = false;
                    break;
                case BoldMarker when !inLink:
                    markers++;
                    lastMarker = i;
                    break;
            }
        }

        return (markers, lastMarker);
    }
}
