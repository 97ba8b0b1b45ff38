using System.Globalization;

namespace IncidentBot.Core.Timeline;

/// <summary>
/// "As of" a date: only what documents published on or before it say. Shared by the timeline and by
/// questions asked with an <c>as_of</c> date, so both draw the line the same way.
/// </summary>
/// <remarks>
/// A document without a date is left out: nothing says it was already written on that day, and an
/// as-of view must not leak later knowledge.
/// </remarks>
public static class AsOfFilter
{
    /// <summary>True when a document of <paramref name="documentDate"/> is visible as of <paramref name="asOf"/>.</summary>
    public static bool Includes(DateOnly? documentDate, DateOnly asOf) => documentDate is { } date && date <= asOf;

    /// <summary>The same for a stored <c>yyyy-MM-dd</c> date (<c>SourceInfo.Date</c>, <c>Citation.Date</c>).</summary>
    public static bool Includes(string? documentDate, DateOnly asOf) => TryParse(documentDate, out var date) && date <= asOf;

    /// <summary>The events read from documents visible as of <paramref name="asOf"/>, order kept.</summary>
    public static IReadOnlyList<TimelineEvent> Apply(IEnumerable<TimelineEvent> events, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Where(e => Includes(e.Citation.DocumentDate, asOf)).ToList().AsReadOnly();
    }

    /// <summary>Parses a date written <c>YYYY-MM-DD</c> (a stored document date, or an <c>as_of</c> option).</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
