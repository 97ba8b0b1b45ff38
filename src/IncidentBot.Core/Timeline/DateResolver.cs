using System.Globalization;

namespace IncidentBot.Core.Timeline;

/// <summary>Calendar arithmetic that turns the parts of a date expression into a period.</summary>
internal static class DateResolver
{
    /// <summary>How far ahead of the report a day without a year may be and still count as upcoming.</summary>
    public const int ScheduledWindowDays = 90;

    /// <summary>1-12 for an English month name or its abbreviation ("Sept.", "Nov").</summary>
    public static int MonthNumber(string name) => name[..3] switch
    {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a month name."),
    };

    public static DayOfWeek Weekday(string name) => Enum.Parse<DayOfWeek>(name, ignoreCase: false);

    /// <summary>The day, or null when the month has no such day ("February 30").</summary>
    public static DateOnly? TryDay(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>"On Friday" in a report: the last such day up to and including the report's date.</summary>
    public static DateOnly WeekdayOnOrBefore(DateOnly reference, DayOfWeek weekday) =>
        reference.AddDays(-(((int)reference.DayOfWeek - (int)weekday + 7) % 7));

    /// <summary>"Last Friday": the last such day strictly before the report's date.</summary>
    public static DateOnly WeekdayBefore(DateOnly reference, DayOfWeek weekday) => WeekdayOnOrBefore(reference.AddDays(-1), weekday);

    /// <summary>"Next Friday": the first such day strictly after the report's date.</summary>
    public static DateOnly WeekdayAfter(DateOnly reference, DayOfWeek weekday) =>
        reference.AddDays((((int)weekday - (int)reference.DayOfWeek + 6) % 7) + 1);

    /// <summary>"In May": the last May up to and including the report's month.</summary>
    public static TimelineDate MonthOnOrBefore(DateOnly reference, int month) =>
        TimelineDate.Month(month <= reference.Month ? reference.Year : reference.Year - 1, month);

    /// <summary>"Last May": the last May strictly before the report's month.</summary>
    public static TimelineDate MonthBefore(DateOnly reference, int month) =>
        TimelineDate.Month(month < reference.Month ? reference.Year : reference.Year - 1, month);

    /// <summary>"Next May": the first May strictly after the report's month.</summary>
    public static TimelineDate MonthAfter(DateOnly reference, int month) =>
        TimelineDate.Month(month > reference.Month ? reference.Year : reference.Year + 1, month);

    /// <summary>
    /// A day and month without a year: the last such day on or before the report's date, as reports
    /// mostly tell what happened ("on October 30"), unless the day comes within the next
    /// <see cref="ScheduledWindowDays"/> days, which is how deadlines and scheduled events are written
    /// ("by November 4", "a hearing on January 15"). When the text also names the weekday
    /// ("Friday, November 8"), a year in which the day falls on it is preferred.
    /// </summary>
    public static DateOnly? DayWithoutYear(DateOnly reference, int month, int day, DayOfWeek? weekday)
    {
        var candidates = new[] { reference.Year + 1, reference.Year, reference.Year - 1 }
            .Select(year => TryDay(year, month, day))
            .OfType<DateOnly>()
            .Where(d => d <= reference.AddDays(ScheduledWindowDays))
            .ToList();
        var named = candidates.FindAll(d => d.DayOfWeek == weekday);
        if (named.Count > 0)
        {
            return named[0];
        }

        // Newest first, so this is the upcoming day within the window if there is one, else the last past one.
        return candidates.Count > 0 ? candidates[0] : null;
    }

    /// <summary>A count written as digits or as a word ("two days ago", "a year ago"); 0 when it is neither.</summary>
    public static int Count(string word) => word.ToUpperInvariant() switch
    {
        "A" or "AN" or "ONE" => 1,
        "TWO" => 2,
        "THREE" => 3,
        "FOUR" => 4,
        "FIVE" => 5,
        "SIX" => 6,
        "SEVEN" => 7,
        "EIGHT" => 8,
        "NINE" => 9,
        "TEN" => 10,
        "ELEVEN" => 11,
        "TWELVE" => 12,
        _ => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0,
    };
}
