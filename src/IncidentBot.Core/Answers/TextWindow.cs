namespace IncidentBot.Core.Answers;

/// <summary>Cuts a long sentence down to a window around its matched words, marking cuts with "…".</summary>
internal static class TextWindow
{
    private const string Ellipsis = "…";

    public static (string Text, IReadOnlyList<TextSpan> Highlights) Fit(string text, IReadOnlyList<TextSpan> highlights, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return (text, highlights);
        }

        // Leave room for an ellipsis at each end.
        var budget = maxLength - (2 * Ellipsis.Length);
        var start = BestStart(text.Length, highlights, budget);
        var end = Math.Min(text.Length, start + budget);
        if (start > 0)
        {
            start = SnapForward(text, start, end);
        }

        if (end < text.Length)
        {
            end = SnapBackward(text, start, end);
        }

        // Never cut between the two halves of a surrogate pair (emoji, rare scripts).
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        if (end < text.Length && end > start && char.IsLowSurrogate(text[end]))
        {
            end--;
        }

        var prefix = start > 0 ? Ellipsis : string.Empty;
        var suffix = end < text.Length ? Ellipsis : string.Empty;
        var window = prefix + text[start..end].Trim() + suffix;
        var shift = prefix.Length - start - (text[start..end].Length - text[start..end].TrimStart().Length);
        var moved = highlights
            .Where(h => h.Start >= start && h.End <= end)
            .Select(h => new TextSpan(h.Start + shift, h.Length))
            .Where(h => h.Start >= 0 && h.End <= window.Length)
            .ToList();
        return (window, moved);
    }

    /// <summary>Start of the window of <paramref name="budget"/> characters that holds the most matched words.</summary>
    private static int BestStart(int length, IReadOnlyList<TextSpan> highlights, int budget)
    {
        if (highlights.Count == 0)
        {
            return 0;
        }

        var bestStart = 0;
        var bestCount = -1;
        foreach (var anchor in highlights)
        {
            // Start a little before a matched word so it is read in context.
            var start = Math.Clamp(anchor.Start - (budget / 8), 0, Math.Max(0, length - budget));
            var count = highlights.Count(h => h.Start >= start && h.End <= start + budget);
            if (count > bestCount)
            {
                (bestStart, bestCount) = (start, count);
            }
        }

        return bestStart;
    }

    private static int SnapForward(string text, int start, int end)
    {
        var space = text.IndexOf(' ', start, Math.Min(24, end - start));
        return space < 0 ? start : space + 1;
    }

    private static int SnapBackward(string text, int start, int end)
    {
        var from = end - 1;
        var count = Math.Min(24, end - start);
        var space = text.LastIndexOf(' ', from, count);
        return space <= start ? end : space;
    }
}
