using System.Globalization;

namespace IncidentBot.Core.Timeline;

/// <summary>A calendar day, month or year: the period a date expression refers to.</summary>
/// <remarks>
/// The start is normalised (the 1st of the month, or January 1st) so two expressions naming the same
/// period are equal whatever day they were resolved from.
/// </remarks>
public readonly record struct TimelineDate
{
    public TimelineDate(DateOnly start, DatePrecision precision)
    {
        Start = precision switch
        {
            DatePrecision.Day => start,
            DatePrecision.Month => new DateOnly(start.Year, start.Month, 1),
            DatePrecision.Year => new DateOnly(start.Year, 1, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown precision."),
        };
        Precision = precision;
    }

    /// <summary>First day of the period.</summary>
    public DateOnly Start { get; }

    public DatePrecision Precision { get; }

    /// <summary>Last day of the period.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        DatePrecision.Year => Start.AddYears(1).AddDays(-1),
        _ => Start,
    };

    public static TimelineDate Day(DateOnly date) => new(date, DatePrecision.Day);

    public static TimelineDate Month(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);

    public static TimelineDate Year(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);

    /// <summary>True when <paramref name="date"/> falls within the period.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>ISO 8601 at the period's precision: <c>2019-11-01</c>, <c>2019-05</c> or <c>2019</c>.</summary>
    public override string ToString() => Start.ToString(
        Precision switch
        {
            DatePrecision.Month => "yyyy-MM",
            DatePrecision.Year => "yyyy",
            _ => "yyyy-MM-dd",
        },
        CultureInfo.InvariantCulture);
}
