namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Shortens (usually already escaped) Discord text to a length limit without breaking it: the cut prefers a
/// word boundary, never splits a surrogate pair, never leaves a dangling <c>\</c> escape or an unclosed
/// <c>**</c>, and is marked with <c>…</c>. Lengths are UTF-16 chars: Discord counts Unicode characters, and a
/// UTF-16 count is never smaller, so a result that fits here fits there.
/// </summary>
public static class TextTrimmer
{
    /// <summary>Appended to every shortened text (one UTF-16 char).</summary>
    public const char Ellipsis = '…';

    private const string BoldMarker = "**";

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

        // Closing a bold run adds two chars after the cut; when that overflows, cut earlier and try again.
        // The budget shrinks on every pass, and an empty head always fits, so this ends.
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
        var head = text.AsSpan(0, CutPoint(text, budget, maxLength)).TrimEnd();

        // An odd run of trailing backslashes ends in an escape whose target was cut off: drop it, or it would
        // escape the ellipsis (or our closing "**").
        if (CountTrailing(head, '\\') % 2 == 1)
        {
            head = head[..^1].TrimEnd();
        }

        var (markers, lastMarkerEnd, endsWithLoneStar) = ScanBold(head);
        if (endsWithLoneStar)
        {
            // Half of a "**" marker that the cut split.
            head = head[..^1].TrimEnd();
            (markers, lastMarkerEnd, _) = ScanBold(head);
        }

        if (markers % 2 == 0)
        {
            return string.Concat(head, Ellipsis.ToString());
        }

        if (lastMarkerEnd == head.Length)
        {
            // The unmatched "**" opens a run with nothing left in it: remove it rather than render "****".
            return string.Concat(head[..^BoldMarker.Length].TrimEnd(), Ellipsis.ToString());
        }

        return string.Concat(head, BoldMarker, Ellipsis.ToString());
    }

    /// <summary>Where to cut so that <c>text[..cut]</c> has at most <paramref name="budget"/> chars.</summary>
    private static int CutPoint(string text, int budget, int maxLength)
    {
        var cut = budget;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // text[cut] itself is included: whitespace right after the budget is a clean word boundary.
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

    private static int CountTrailing(ReadOnlySpan<char> text, char c)
    {
        var count = 0;
        while (count < text.Length && text[text.Length - 1 - count] == c)
        {
            count++;
        }

        return count;
    }

    /// <summary>Counts unescaped <c>**</c> markers, reading <c>\x</c> escapes as plain chars.</summary>
    private static (int Markers, int LastMarkerEnd, bool EndsWithLoneStar) ScanBold(ReadOnlySpan<char> text)
    {
        var markers = 0;
        var lastMarkerEnd = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                i += 2;
            }
            else if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                markers++;
                i += 2;
                lastMarkerEnd = i;
            }
            else if (text[i] == '*' && i == text.Length - 1)
            {
                return (markers, lastMarkerEnd, true);
            }
            else
            {
                i++;
            }
        }

        return (markers, lastMarkerEnd, false);
    }
}
