using System.Globalization;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Http;

/// <summary>Body of <c>GET /api/timeline</c> and of <c>incidentbot timeline --json</c>.</summary>
/// <param name="AsOf">The cut-off asked for (documents dated on or before it), or null for every document.</param>
/// <param name="Events">The dated events, oldest first.</param>
internal sealed record TimelineResponse(string? AsOf, IReadOnlyList<TimelineItem> Events)
{
    public static TimelineResponse From(IReadOnlyList<TimelineEvent> events, DateOnly? asOf) => new(
        asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [.. events.Select(TimelineItem.From)]);
}

/// <summary>One event: the period, how precise it is, the sentence it comes from and where that is.</summary>
/// <param name="Date">"2019-10-31", "2019-05" or "2019", by precision.</param>
/// <param name="Precision">"day", "month" or "year".</param>
/// <param name="Start">First day of the period (ISO date), for sorting and filtering.</param>
/// <param name="Expression">The date as written ("On Thursday").</param>
/// <param name="Relative">True when the date was worked out from the document's own date.</param>
/// <param name="Sentence">The sentence, quoted.</param>
/// <param name="Source">Document file.</param>
/// <param name="Title">Document title.</param>
/// <param name="DocumentDate">The document's date.</param>
/// <param name="Url">The document's link, if any.</param>
/// <param name="Paragraph">1-based paragraph number.</param>
/// <param name="SentenceNumber">1-based sentence number in the paragraph.</param>
internal sealed record TimelineItem(
    string Date,
    string Precision,
    string Start,
    string Expression,
    bool Relative,
    string Sentence,
    string Source,
    string Title,
    string? DocumentDate,
    string? Url,
    int Paragraph,
    int SentenceNumber)
{
    public static TimelineItem From(TimelineEvent e) => new(
        e.When.ToString(),
        e.Precision.ToString().ToLowerInvariant(),
        e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.ExpressionText,
        e.IsRelative,
        e.Sentence,
        e.Citation.Source,
        e.Citation.Title,
        e.Citation.DocumentDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.Citation.Url,
        e.Citation.Paragraph,
        e.Citation.Sentence);
}
