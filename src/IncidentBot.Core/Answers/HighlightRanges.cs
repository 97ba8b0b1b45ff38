namespace IncidentBot.Core.Answers;

/// <summary>
/// Highlight spans made ready for markup (bold in Discord Markdown or Slack mrkdwn): clamped to the text, widened so
/// they never split a surrogate pair, trimmed of white space (neither markup bolds "<c>* word*</c>"), sorted, and
/// merged when they overlap or touch (neither renders "<c>*a**b*</c>").
/// </summary>
public static class HighlightRanges
{
    /// <returns>Disjoint, non-touching [Start, End) ranges in text order.</returns>
    public static IReadOnlyList<(int Start, int End)> Normalize(string text, IReadOnlyList<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var ranges = new List<(int Start, int End)>(spans.Count);
        foreach (var span in spans)
        {
            var start = Math.Max(span.Start, 0);
            var end = (int)Math.Min((long)span.Start + span.Length, text.Length);
            if (span.Length <= 0 || start >= end)
            {
                continue;
            }

            if (start > 0 && char.IsSurrogatePair(text[start - 1], text[start]))
            {
                start--;
            }

            if (end < text.Length && char.IsSurrogatePair(text[end - 1], text[end]))
            {
                end++;
            }

            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (start < end)
            {
                ranges.Add((start, end));
            }
        }

        ranges.Sort();
        var merged = new List<(int Start, int End)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
