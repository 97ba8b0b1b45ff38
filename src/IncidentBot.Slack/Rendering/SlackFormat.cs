using System.Globalization;

namespace IncidentBot.Slack.Rendering;

/// <summary>Small formatting helpers shared by the renderers (invariant culture throughout: output is English).</summary>
internal static class SlackFormat
{
    /// <summary>
    /// Replaces line breaks, tabs and other control chars with spaces, one for one, so highlight offsets into the
    /// text stay valid. Titles, questions and quotes are one line each.
    /// </summary>
    public static string SingleLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsLineBreaking))
        {
            return text;
        }

        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = IsLineBreaking(source[i]) ? ' ' : source[i];
            }
        });
    }

    /// <summary>Escaped, one line, trimmed and cut to <paramref name="maxLength"/>.</summary>
    public static string Plain(string text, int maxLength) =>
        SlackTrimmer.Truncate(SlackText.Escape(SingleLine(text.Trim())), maxLength);

    /// <summary>
    /// A file name as inline code: Slack formats nothing inside backticks, so <c>000_report.txt</c> keeps its
    /// underscores (copyable, searchable). Only <c>&amp; &lt; &gt;</c> are escaped; a backtick in the name, which
    /// would end the code span, becomes a look-alike.
    /// </summary>
    public static string Code(string text, int maxLength)
    {
        var inner = SingleLine(text.Trim())
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace('`', '\u02CB');
        return "`" + SlackTrimmer.Truncate(inner, Math.Max(1, maxLength - 2)) + "`";
    }

    /// <summary>"1 document", "3 documents".</summary>
    public static string Count(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");

    /// <summary>"2025-01-31 14:05 UTC".</summary>
    public static string UtcMinute(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Whole milliseconds, or one decimal under 10 ms where the rounding would say "0 ms".</summary>
    public static string Milliseconds(double ms) =>
        ms.ToString(ms < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>"1.2 s".</summary>
    public static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static bool IsLineBreaking(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
