using System.Globalization;
using IncidentBot.Core.Answers;
using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// One citation as an embed field: name <c>[n] title · ¶paragraph · date</c>, value the quoted snippet with
/// matched words in bold and, on its own last line, a masked <c>[source](url)</c> link.
/// </summary>
internal static class CitationFormatter
{
    /// <summary>Prefixed to passages of an unanswered question, so none of them reads as the answer.</summary>
    public const string RelatedPrefix = "Related, not an answer — ";

    private const string Quote = "> ";
    private const int MaxDateLength = 32;

    // A longer URL would eat most of a shrunk field value; the title still says where the quote is from.
    private const int MaxLinkLength = 400;

    public static EmbedField Field(Citation citation, bool related) => new(Name(citation, related), Value(citation));

    public static string Name(Citation citation, bool related)
    {
        var title = !string.IsNullOrWhiteSpace(citation.Title) ? citation.Title
            : !string.IsNullOrWhiteSpace(citation.Source) ? citation.Source
            : "Untitled document";
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{(related ? RelatedPrefix : string.Empty)}[{citation.N}] ");
        var suffix = string.Create(CultureInfo.InvariantCulture, $" · ¶{citation.Paragraph}");
        if (!string.IsNullOrWhiteSpace(citation.Date))
        {
            suffix += " · " + TextTrimmer.Truncate(DiscordMarkdown.Escape(RenderText.SingleLine(citation.Date.Trim())), MaxDateLength);
        }

        // The number, paragraph and date are kept whole; the title gives way.
        var room = DiscordLimits.FieldName - prefix.Length - suffix.Length;
        return prefix + TextTrimmer.Truncate(DiscordMarkdown.Escape(RenderText.SingleLine(title.Trim())), room) + suffix;
    }

    public static string Value(Citation citation)
    {
        var link = SourceLink(citation.Url);
        var tail = link is null ? string.Empty : "\n" + link;
        var quoted = string.IsNullOrWhiteSpace(citation.Snippet)
            ? "(no text)"
            : DiscordMarkdown.Bold(RenderText.SingleLine(citation.Snippet), citation.Highlights);
        return Quote + TextTrimmer.Truncate(quoted, DiscordLimits.FieldValue - Quote.Length - tail.Length) + tail;
    }

    /// <summary>
    /// <c>[source](url)</c> for absolute http(s) URLs only (no <c>javascript:</c>, <c>file:</c>, relative paths).
    /// Parentheses are percent-encoded because a raw <c>)</c> ends the Markdown link early; the URL still works.
    /// </summary>
    public static string? SourceLink(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var target = uri.AbsoluteUri
            .Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal);
        return target.Length > MaxLinkLength ? null : $"[source]({target})";
    }
}
