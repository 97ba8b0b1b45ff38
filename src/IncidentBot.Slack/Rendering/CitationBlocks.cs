using System.Globalization;
using IncidentBot.Core.Answers;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// One citation as a context block with one <c>mrkdwn</c> element, three lines:
/// <c>*[n]* title · ¶paragraph · date</c>, the quoted snippet with matched words in bold, and a
/// <c>&lt;url|source&gt;</c> link (http/https only). Each part has its own cap, so the element stays far below
/// <see cref="SlackLimits.SectionText"/> and the link is never cut.
/// </summary>
internal static class CitationBlocks
{
    /// <summary>Prefixed to passages of an unanswered question, so none of them reads as the answer.</summary>
    public const string RelatedPrefix = "Related, not an answer — ";

    public const string LinkText = "source";

    private const int MaxHeadingLength = 300;
    private const int MaxSnippetLength = 1000;
    private const int MaxDateLength = 32;

    /// <summary>Citations <c>[start, start + count)</c> as context blocks.</summary>
    public static IEnumerable<SlackBlock> Blocks(IReadOnlyList<Citation> citations, int start, int count, bool related) =>
        citations.Skip(start).Take(count).Select(c => Block(c, related));

    public static ContextBlock Block(Citation citation, bool related)
    {
        var link = SlackText.Link(citation.Url, LinkText);
        var text = Heading(citation, related) + "\n" + Snippet(citation) + (link is null ? string.Empty : "\n" + link);
        return new ContextBlock([TextObject.Markdown(text)]);
    }

    public static string Heading(Citation citation, bool related)
    {
        var title = !string.IsNullOrWhiteSpace(citation.Title) ? citation.Title
            : !string.IsNullOrWhiteSpace(citation.Source) ? citation.Source
            : "Untitled document";
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{(related ? RelatedPrefix : string.Empty)}*[{citation.N}]* ");
        var suffix = string.Create(CultureInfo.InvariantCulture, $" · ¶{citation.Paragraph}");
        if (!string.IsNullOrWhiteSpace(citation.Date))
        {
            suffix += " · " + SlackFormat.Plain(citation.Date, MaxDateLength);
        }

        // The number, paragraph and date are kept whole; the title gives way.
        return prefix + SlackFormat.Plain(title, MaxHeadingLength - prefix.Length - suffix.Length) + suffix;
    }

    private static string Snippet(Citation citation) =>
        string.IsNullOrWhiteSpace(citation.Snippet)
            ? "(no text)"
            : SlackTrimmer.Truncate(SlackText.Bold(SlackFormat.SingleLine(citation.Snippet), citation.Highlights), MaxSnippetLength);
}
