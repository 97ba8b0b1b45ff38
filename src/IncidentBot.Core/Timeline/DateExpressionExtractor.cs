using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Timeline;

/// <summary>
/// Finds English date expressions in a sentence and resolves them to a day, month or year, using the
/// date of the document the sentence comes from for relative ones ("on Thursday", "in May", "yesterday").
/// </summary>
/// <remarks>
/// Hand-written rather than a recogniser library: the one well-known .NET package does not restore on
/// net10.0 here, and a timeline must prefer missing an event to inventing one, which is easier to
/// guarantee (and test) with a small set of strict patterns (see <see cref="DatePatterns"/>).
/// </remarks>
public static class DateExpressionExtractor
{
    // Cheap tests that let a sentence skip the patterns that cannot match it: most sentences name no
    // month, weekday or number, and a vectorised search costs far less than a regex tried at every position.
    private static readonly SearchValues<string> MonthStems = SearchValues.Create(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], StringComparison.Ordinal);

    private static readonly SearchValues<string> WeekdayNames = SearchValues.Create(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], StringComparison.Ordinal);

    private static readonly SearchValues<string> NextDayWords = SearchValues.Create(["yesterday", "tomorrow"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PeriodWords = SearchValues.Create(["month", "year"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> AgoWords = SearchValues.Create(["ago"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly Rule[] Rules =
    [
        new(DatePatterns.IsoDate(), Anchor: null, Relative: false, (m, _, _) => Day(Int(m, "y"), Int(m, "m"), Int(m, "d"))),
        new(DatePatterns.CuedYear(), Anchor: null, Relative: false, (m, _, _) => TimelineDate.Year(Int(m, "year"))),
        new(DatePatterns.MonthDayYear(), MonthStems, Relative: false, (m, _, _) => Day(Int(m, "year"), MonthOf(m), Int(m, "day"))),
        new(DatePatterns.DayMonthYear(), MonthStems, Relative: false, (m, _, _) => Day(Int(m, "year"), MonthOf(m), Int(m, "day"))),
        new(DatePatterns.MonthYear(), MonthStems, Relative: false, (m, _, _) => TimelineDate.Month(Int(m, "year"), MonthOf(m))),
        new(DatePatterns.MonthDay(), MonthStems, Relative: true, ResolveDayWithoutYear),
        new(DatePatterns.DayMonth(), MonthStems, Relative: true, ResolveDayWithoutYear),
        new(DatePatterns.CuedMonth(), MonthStems, Relative: true, ResolveCuedMonth),
        new(DatePatterns.NamedWeekday(), WeekdayNames, Relative: true, ResolveWeekday),
        new(DatePatterns.NextDay(), NextDayWords, Relative: true, ResolveNextDay),
        new(DatePatterns.RelativePeriod(), PeriodWords, Relative: true, ResolveRelativePeriod),
        new(DatePatterns.Ago(), AgoWords, Relative: true, ResolveAgo),
    ];

    // Words that follow a weekday used as a date in running text.
    private static readonly FrozenSet<string> BareWeekdayFollowers = FrozenSet.Create(
        StringComparer.Ordinal,
        "night", "morning", "afternoon", "evening", "that", "when", "and", "or", "but", "to", "at", "in", "on", "after",
        "before", "as", "he", "she", "it", "they", "we", "the", "a", "an", "his", "her", "its", "their", "with", "for",
        "from", "by", "amid", "following", "while", "said", "announced");

    private delegate TimelineDate? Resolver(Match match, string text, DateOnly reference);

    /// <summary>
    /// The date expressions of <paramref name="text"/>, in order of position, none overlapping (the
    /// longest wins: "Friday, November 1, 2019" is one expression, not a weekday and a date).
    /// </summary>
    /// <param name="text">One sentence (or any short text).</param>
    /// <param name="documentDate">
    /// The date of the document the text comes from; relative expressions resolve against it and are
    /// skipped when it is null.
    /// </param>
    public static IReadOnlyList<DateMention> Extract(string text, DateOnly? documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new List<DateMention>();
        var hasDigit = text.AsSpan().ContainsAny(Digits);
        SearchValues<string>? lastAnchor = null;
        var lastAnchorFound = false;
        foreach (var rule in Rules)
        {
            if (rule.Relative && documentDate is null)
            {
                continue;
            }

            // Rules without a word anchor (ISO dates, years) all need a digit. Rules sharing an anchor are
            // listed together, so each anchor is searched for once.
            if (rule.Anchor is not null && !ReferenceEquals(rule.Anchor, lastAnchor))
            {
                lastAnchor = rule.Anchor;
                lastAnchorFound = text.AsSpan().ContainsAny(rule.Anchor);
            }

            if (!(rule.Anchor is null ? hasDigit : lastAnchorFound))
            {
                continue;
            }

            foreach (Match match in rule.Pattern.Matches(text))
            {
                if (rule.Resolve(match, text, documentDate.GetValueOrDefault()) is { } when)
                {
                    // The words before the date are matched in a lookbehind (see DatePatterns) but belong to the span.
                    var pre = match.Groups["pre"];
                    var start = pre.Success && pre.Length > 0 ? pre.Index : match.Index;
                    var end = match.Index + match.Length;
                    candidates.Add(new DateMention(when, new TextSpan(start, end - start), rule.Relative));
                }
            }
        }

        var chosen = new List<DateMention>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Span.Length).ThenBy(c => c.Span.Start))
        {
            if (!chosen.Exists(c => c.Span.Start < candidate.Span.End && candidate.Span.Start < c.Span.End))
            {
                chosen.Add(candidate);
            }
        }

        chosen.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return chosen;
    }

    private static TimelineDate? ResolveDayWithoutYear(Match match, string text, DateOnly reference)
    {
        DayOfWeek? weekday = match.Groups["wdp"].Success ? DateResolver.Weekday(match.Groups["wdp"].Value) : null;
        return DateResolver.DayWithoutYear(reference, MonthOf(match), Int(match, "day"), weekday) is { } day ? TimelineDate.Day(day) : null;
    }

    private static TimelineDate? ResolveCuedMonth(Match match, string text, DateOnly reference)
    {
        var month = MonthOf(match);
        var cue = match.Groups["pre"].Value.Trim().ToUpperInvariant();

        // "a speech by May", "a letter from May": after these words alone "May" is more often a name.
        if (month == 5 && cue is "BY" or "FROM" or "BEFORE" or "AFTER" or "UNTIL" or "TILL")
        {
            return null;
        }

        return cue switch
        {
            _ when cue.StartsWith("LAST", StringComparison.Ordinal) => DateResolver.MonthBefore(reference, month),
            _ when cue.StartsWith("NEXT", StringComparison.Ordinal) => DateResolver.MonthAfter(reference, month),
            _ when cue.StartsWith("THIS", StringComparison.Ordinal) => TimelineDate.Month(reference.Year, month),
            _ => DateResolver.MonthOnOrBefore(reference, month),
        };
    }

    private static TimelineDate? ResolveWeekday(Match match, string text, DateOnly reference)
    {
        if (match.Groups["pre"].Length == 0 && !IsDateLikeBareWeekday(text, match.Index, match.Index + match.Length))
        {
            return null;
        }

        var weekday = DateResolver.Weekday(match.Groups["wd"].Value);
        var day = match.Groups["mod"].Value.ToUpperInvariant() switch
        {
            "LAST" => DateResolver.WeekdayBefore(reference, weekday),
            "NEXT" => DateResolver.WeekdayAfter(reference, weekday),
            _ => DateResolver.WeekdayOnOrBefore(reference, weekday),
        };
        return TimelineDate.Day(day);
    }

    /// <summary>
    /// A weekday with no preposition is a date where news puts one ("said Thursday that", "Thursday's
    /// attack", "Friday night"), not in a name ("Stormy Monday", "Sunday Times") or a habit ("Friday nights",
    /// "Saturday detention").
    /// </summary>
    private static bool IsDateLikeBareWeekday(string text, int start, int end)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        var previous = before[(before.LastIndexOf(' ') + 1)..];
        if (!previous.IsEmpty && char.IsUpper(previous[0]))
        {
            return false;
        }

        if (end >= text.Length || text[end] != ' ')
        {
            return true; // punctuation, a possessive or the end of the sentence
        }

        var next = text.AsSpan(end + 1);
        var length = 0;
        while (length < next.Length && char.IsLetter(next[length]))
        {
            length++;
        }

        return length > 0 && BareWeekdayFollowers.Contains(next[..length].ToString());
    }

    private static TimelineDate? ResolveNextDay(Match match, string text, DateOnly reference) =>
        TimelineDate.Day(reference.AddDays(char.ToUpperInvariant(match.Groups["word"].Value[0]) == 'Y' ? -1 : 1));

    private static TimelineDate? ResolveRelativePeriod(Match match, string text, DateOnly reference)
    {
        var mod = match.Groups["mod"].Value.ToUpperInvariant();
        var offset = mod == "LAST" ? -1 : mod == "NEXT" ? 1 : 0;
        return match.Groups["unit"].Value.Equals("month", StringComparison.OrdinalIgnoreCase)
            ? new TimelineDate(reference.AddMonths(offset), DatePrecision.Month)
            : TimelineDate.Year(reference.Year + offset);
    }

    private static TimelineDate? ResolveAgo(Match match, string text, DateOnly reference)
    {
        var n = DateResolver.Count(match.Groups["n"].Value);
        return char.ToUpperInvariant(match.Groups["unit"].Value[0]) switch
        {
            'D' => TimelineDate.Day(reference.AddDays(-n)),
            'M' => new TimelineDate(reference.AddMonths(-n), DatePrecision.Month),
            _ => TimelineDate.Year(reference.Year - n),
        };
    }

    private static TimelineDate? Day(int year, int month, int day) => DateResolver.TryDay(year, month, day) is { } date ? TimelineDate.Day(date) : null;

    private static int MonthOf(Match match) => DateResolver.MonthNumber(match.Groups["mon"].Value);

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A pattern, the words a sentence must contain for it to match (null: a digit), and its resolution.</summary>
    private sealed record Rule(Regex Pattern, SearchValues<string>? Anchor, bool Relative, Resolver Resolve);
}
