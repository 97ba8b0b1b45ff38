using System.Text.RegularExpressions;

namespace IncidentBot.Core.Timeline;

/// <summary>The English date expressions <see cref="DateExpressionExtractor"/> recognises.</summary>
/// <remarks>
/// <para>
/// Month and weekday names are matched case-sensitively, capitalised, as English writes them: that alone
/// keeps the verbs "may" and "march" out. The small words around them ("in", "on", "last") match in any
/// case because they may open a sentence. The leading preposition is part of the expression's span, so it
/// reads "on Friday" or "in May", as a person would quote it.
/// </para>
/// <para>
/// A capitalised "May" or "March" can still be a verb at the start of a sentence, and a bare number can
/// be a count, so a month name alone or a year alone is only a date after a cue word ("in May",
/// "since 2019"), and a year must then be followed by punctuation or a function word ("in 2000 cities" is
/// a count). Numeric forms other than ISO year-month-day (1/11, 11/01/2019) are not recognised at all:
/// whether they are day-first or month-first cannot be told from the text.
/// </para>
/// </remarks>
internal static partial class DatePatterns
{
    private const string FullMonth = "January|February|March|April|May|June|July|August|September|October|November|December";

    private const string ShortMonth = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    // Abbreviations only appear next to a day or a year, where "Jan" cannot be a first name.
    private const string Month = @"(?<mon>(?:" + FullMonth + @")\b|(?:" + ShortMonth + @")\b\.?)";

    private const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    // "Friday, November 1, 2019": the weekday belongs to the date (and helps pick its year when one is missing).
    private const string WeekdayPrefix = @"(?:(?<wdp>" + Weekday + @"),?\s+)?";

    // A day of the month that is not part of a longer number ("1,400", "2.5", "10:30", "1/11", "1-3").
    private const string Day = @"(?<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b(?![.,:/–-][0-9])";

    // Next to a month name any year from 1000 reads as one ("April 1191"); alone (see CuedYear), only
    // 1500-2199, as smaller or larger numbers in incident reports are counts.
    private const string MonthYearNumber = @"(?<year>1[0-9]{3}|2[01][0-9]{2})(?![0-9]|[.,:/-][0-9A-Za-z])";

    private const string YearNumber = @"(?<year>1[5-9][0-9]{2}|2[01][0-9]{2})(?![0-9]|[.,:/-][0-9A-Za-z])";

    // Not inside a word, a number, a path, a handle or a hyphenated compound.
    private const string Start = @"(?<![\w.,/@#-])";

    // Opens the words before a date ("on", "in early", "Friday,"), closed by "))" after them. They sit in a
    // lookbehind, captured as "pre", so each pattern starts at its month name, day, weekday or year: the
    // regex engine then jumps between the few places such a token can start instead of trying a
    // preposition at every character (ten times faster). The expression's span starts at "pre".
    private const string Before = "(?<=" + Start + "(?<pre>";

    // Not the start of a domain, handle or path ("Monday.com").
    private const string NotGlued = @"(?![.@/]\w)";

    private const string Preposition =
        @"(?:(?i:on|in|since|during|throughout|from|until|till|by|before|after|through|as\s+of)\s+)?";

    private const string Within = @"(?:(?i:early|late)\s+|(?i:mid)-\s?|(?i:mid)\s+)?";

    private const string The = @"(?:(?i:the)\s+)?";

    // A day or month without a year that is really part of a dated phrase is not resolved against the
    // document's date: a year follows (perhaps one the patterns refuse), it opens a range whose year
    // comes at its end ("from 28 January to 25 May 1521", "June and July 1519"), or "of that year" ties
    // it to a year named in another sentence.
    private const string NoYearFollows =
        @"(?!,?\s+(?:of\s+)?[0-9]{3,4}\b" +
        @"|(?:\s*[–—-]\s*|\s+(?i:to|and|or|until|till|through|thru)\s+)(?:(?i:the)\s+)?(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:" +
        FullMonth + "|" + ShortMonth + @")\b" +
        @"|,?\s+(?i:of\s+(?:that|the\s+same|the\s+following|the\s+previous|the\s+next)\s+year))";

    // Words that announce a month ("in May", "since early April", "by the end of June", "last May").
    // In a lookbehind the first alternative that fits wins, not the longest, so "earlier in" comes before "in".
    private const string MonthCue =
        @"(?:(?i:(?:earlier|later)\s+in\s+" +
        @"|(?:in|since|during|until|till|through|throughout|before|after|by|from)\s+" +
        @"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|early\s+|late\s+|mid-\s?|mid\s+)?" +
        @"|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|early\s+|late\s+|mid-\s?|mid\s+" +
        @"|(?:last|this|next)\s+))";

    private const string YearCue =
        @"(?:(?i:(?:in|since|during|until|till|through|throughout|before|after)\s+(?:(?:early|late)\s+|mid-)?" +
        @"|(?:early|late)\s+|mid-))";

    // A year alone is a date only when the sentence goes on the way it goes after a date, not after a count.
    private const string AfterYear =
        @"(?=\s*$|\s*[.,;:!?)\]""'”’—–]|\s+(?i:and|or|but|when|while|as|after|before|until|the|a|an|he|she|it|they|we|" +
        @"its|his|her|their|in|on|at|with|for|from|that|which|amid|during|following|alone|itself|was|were|is|are|had|" +
        @"has|have|there|this|those|these)\b)";

    // Named days that are not dates ("Black Friday", "Patch Tuesday"), whose date depends on another one
    // in the text ("the following Monday", "that Friday"), that recur ("every Sunday", "the last Friday of
    // the month", "Tuesday and Thursday"), or that could be this week's or next week's ("this Friday").
    private const string NotNamedDay =
        @"(?<!\b(?i:black|good|cyber|ash|holy|maundy|easter|super|patch|giving|casual|man|girl|every|each|" +
        @"following|that|the|a|one|by|same|this|coming|past|first|second|third|fourth|final)\s+)" +
        @"(?<!\b(?i:the|every|each|a)\s+(?i:last|next)\s+)(?<!\b(?:" + Weekday + @"),?\s+(?:(?i:and|or)\s+)?)";

    // "Friday nights", "on Tuesday, Wednesday and Thursday": a habit, not a day.
    private const string NotRecurring = @"(?!\s+(?i:nights|mornings|afternoons|evenings)\b|,?\s+(?:(?i:and|or)\s+)?(?:" + Weekday + @")\b)";

    [GeneratedRegex(Before + Preposition + WeekdayPrefix + "))" + Month + @"\s+" + Day + @",?\s+" + MonthYearNumber, RegexOptions.CultureInvariant)]
    internal static partial Regex MonthDayYear();

    [GeneratedRegex(
        Before + Preposition + WeekdayPrefix + The + "))" + Day + @"\s+(?:of\s+)?" + Month + @",?\s+" + MonthYearNumber,
        RegexOptions.CultureInvariant)]
    internal static partial Regex DayMonthYear();

    [GeneratedRegex(
        Before + Preposition + "))" + @"(?<y>[12][0-9]{3})(?<sep>[-/])(?<m>0[1-9]|1[0-2])\k<sep>(?<d>0[1-9]|[12][0-9]|3[01])(?!(?!T[0-9])\w|[-./][0-9])",
        RegexOptions.CultureInvariant)]
    internal static partial Regex IsoDate();

    [GeneratedRegex(Before + Preposition + Within + "))" + Month + @",?\s+(?:of\s+)?" + MonthYearNumber, RegexOptions.CultureInvariant)]
    internal static partial Regex MonthYear();

    [GeneratedRegex(Before + Preposition + WeekdayPrefix + "))" + Month + @"\s+" + Day + NoYearFollows, RegexOptions.CultureInvariant)]
    internal static partial Regex MonthDay();

    [GeneratedRegex(
        Before + Preposition + WeekdayPrefix + The + "))" + Day + @"\s+(?:of\s+)?" + Month + NoYearFollows,
        RegexOptions.CultureInvariant)]
    internal static partial Regex DayMonth();

    [GeneratedRegex(
        Before + MonthCue + "))" + @"(?<mon>" + FullMonth + @")\b(?!['’]s\b|-[0-9]|\s+[0-9])" + NoYearFollows,
        RegexOptions.CultureInvariant)]
    internal static partial Regex CuedMonth();

    [GeneratedRegex(Before + YearCue + "))" + YearNumber + AfterYear, RegexOptions.CultureInvariant)]
    internal static partial Regex CuedYear();

    [GeneratedRegex(
        Before + @"(?i:(?:on|since|until|till|from|before|after)\s+)?(?:(?<mod>(?i:last|next))\s+|(?i:early|late)\s+)?))" +
        NotNamedDay + @"(?<wd>" + Weekday + @")\b" + NotGlued + NotRecurring,
        RegexOptions.CultureInvariant)]
    internal static partial Regex NamedWeekday();

    [GeneratedRegex(
        Start + @"(?<!(?i:before|after)\s+)(?<word>yesterday|tomorrow|(?<![\w,;]\s+)(?:Yesterday|Tomorrow))\b" + NotGlued,
        RegexOptions.CultureInvariant)]
    internal static partial Regex NextDay();

    // "Last month", "earlier this year": anchored on the unit, which is rarer than the words before it.
    [GeneratedRegex(
        @"(?<=(?<!\b(?i:the)\s+)" + Start + @"(?<pre>(?<mod>(?i:earlier\s+this|later\s+this|last|this|next))\s+))(?<unit>(?i:month|year))\b",
        RegexOptions.CultureInvariant)]
    internal static partial Regex RelativePeriod();

    // "Two days ago": anchored on "ago".
    [GeneratedRegex(
        @"(?<=" + Start + @"(?<pre>(?<n>[1-9][0-9]?|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+" +
        @"(?<unit>(?i:days?|months?|years?))\s+))(?i:ago)\b",
        RegexOptions.CultureInvariant)]
    internal static partial Regex Ago();
}
