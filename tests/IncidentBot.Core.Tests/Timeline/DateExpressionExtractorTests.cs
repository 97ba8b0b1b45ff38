using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Timeline;

public sealed class DateExpressionExtractorTests
{
    // The seed news report's date: a Friday.
    private const string Friday = "2019-11-01";

    /// <summary>Sentence, document date, the expression as found, and the resolved period at its precision.</summary>
    public static TheoryData<string, string, string, string> Expressions => new()
    {
        // The seed report's relative dates.
        { "Whatsapp, in a statement, on Friday said that it had informed authorities.", Friday, "on Friday", "2019-11-01" },
        { "On Thursday, Union Minister Ravi Shankar Prasad expressed displeasure.", Friday, "On Thursday", "2019-10-31" },
        { "It informed government authorities about the breach in May itself.", Friday, "in May", "2019-05" },
        { "In May, we quickly resolved a security issue.", Friday, "In May", "2019-05" },

        // Absolute days.
        { "ANI (@ANI) November 1, 2019", Friday, "November 1, 2019", "2019-11-01" },
        { "The keys were rotated on 4 November 2019.", Friday, "on 4 November 2019", "2019-11-04" },
        { "It was filed Nov. 1, 2019 in court.", Friday, "Nov. 1, 2019", "2019-11-01" },
        { "It was filed Sept 3rd 2018 in court.", Friday, "Sept 3rd 2018", "2018-09-03" },
        { "The patch shipped on the 1st of November, 2019.", Friday, "on the 1st of November, 2019", "2019-11-01" },
        { "It began on Friday, November 1, 2019, at noon.", Friday, "on Friday, November 1, 2019", "2019-11-01" },
        { "The log starts at 2019-11-01 and ends later.", Friday, "2019-11-01", "2019-11-01" },
        { "The log starts at 2019-11-01T10:30:00Z.", Friday, "2019-11-01", "2019-11-01" },
        { "Logged as of 2019/10/28.", Friday, "as of 2019/10/28", "2019-10-28" },

        // Days without a year: the year that puts them nearest the document date.
        { "The ministry asked WhatsApp to explain the breach by November 4.", "2019-11-02", "by November 4", "2019-11-04" },
        { "The attack began on December 20.", "2020-01-05", "on December 20", "2019-12-20" },
        { "Attackers struck on 30 October.", Friday, "on 30 October", "2019-10-30" },
        { "A hearing is set for Friday, November 8.", Friday, "Friday, November 8", "2019-11-08" },
        { "The hearing is on January 15.", Friday, "on January 15", "2020-01-15" },
        { "The first intrusion was on May 1.", Friday, "on May 1", "2019-05-01" },
        { "The first intrusion was on 1 November.", Friday, "on 1 November", "2019-11-01" },
        { "It was first seen on Wednesday, 30 October.", Friday, "on Wednesday, 30 October", "2019-10-30" },

        // Months.
        { "The flaw was found in May 2019.", Friday, "in May 2019", "2019-05" },
        { "The flaw was found in May of 2018.", Friday, "in May of 2018", "2018-05" },
        { "The flaw was found in May, 2017.", Friday, "in May, 2017", "2017-05" },
        { "The servers were moved in mid-Nov. 2019 and again.", Friday, "in mid-Nov. 2019", "2019-11" },
        { "The Krakatoa volcano erupted with enormous force in August 1883.", Friday, "in August 1883", "1883-08" },
        { "In April 1191 the fleet sailed.", Friday, "In April 1191", "1191-04" },
        { "The mill closed at the end of October 2006 for good.", Friday, "October 2006", "2006-10" },
        { "The Shah failed during January 1979 to keep control.", Friday, "during January 1979", "1979-01" },
        { "Sales fell in December.", Friday, "in December", "2018-12" },
        { "Sales fell in November.", Friday, "in November", "2019-11" },
        { "The firm was breached last May.", Friday, "last May", "2019-05" },
        { "The firm was breached last November.", Friday, "last November", "2018-11" },
        { "The firm was breached last May.", "2019-05-20", "last May", "2018-05" },
        { "An audit is planned next March.", Friday, "next March", "2020-03" },
        { "The audit ran until the end of June.", Friday, "until the end of June", "2019-06" },
        { "Since early April the site has been down.", Friday, "Since early April", "2019-04" },
        { "It was fixed earlier in October.", Friday, "earlier in October", "2019-10" },

        // Years, when clearly a date.
        { "The group has operated in 2019 and before.", Friday, "in 2019", "2019" },
        { "It has been active since 2016.", Friday, "since 2016", "2016" },
        { "The tool appeared in early 2018, researchers said.", Friday, "in early 2018", "2018" },

        // Relative days and periods.
        { "The company confirmed the breach yesterday.", Friday, "yesterday", "2019-10-31" },
        { "Yesterday's outage lasted an hour.", Friday, "Yesterday", "2019-10-31" },
        { "Regulators will meet tomorrow.", Friday, "tomorrow", "2019-11-02" },
        { "The app was updated last Friday.", Friday, "last Friday", "2019-10-25" },
        { "The app was updated last Thursday.", Friday, "last Thursday", "2019-10-31" },
        { "The app will be updated next Friday.", Friday, "next Friday", "2019-11-08" },
        { "The app will be updated next Monday.", Friday, "next Monday", "2019-11-04" },
        { "WhatsApp said Thursday that it had sued.", Friday, "Thursday", "2019-10-31" },
        { "Sunday's outage hit millions.", Friday, "Sunday", "2019-10-27" },
        { "The outage began Friday night.", Friday, "Friday", "2019-11-01" },
        { "The outage began late Wednesday, engineers said.", Friday, "late Wednesday", "2019-10-30" },
        { "Last Monday the keys leaked.", Friday, "Last Monday", "2019-10-28" },
        { "It happened earlier this month.", Friday, "earlier this month", "2019-11" },
        { "It happened last month.", Friday, "last month", "2019-10" },
        { "It happened last month.", "2019-01-15", "last month", "2018-12" },
        { "Last year's breach was smaller.", Friday, "Last year", "2018" },
        { "The rules take effect next year.", Friday, "next year", "2020" },
        { "The flaw was reported two days ago.", Friday, "two days ago", "2019-10-30" },
        { "The flaw was reported 3 months ago.", Friday, "3 months ago", "2019-08" },
        { "The firm was founded a year ago.", Friday, "a year ago", "2018" },
    };

    /// <summary>Sentences that name no date, or numbers and words that only look like one.</summary>
    public static TheoryData<string> NotDates => new()
    {
        "Users may be targeted again.",
        "May I ask what happened?",
        "Protesters will march on the capital.",
        "March on, the officials said.",
        "As per media reports, over 1,400 users were targeted upon by the spies.",
        "The rating rose to 2.5 points.",
        "Version 2.19.274 was shipped to every platform within two days.",
        "The breach was reported on 1/11 and again on 11/01/2019.",
        "Attackers hit 2000 servers in 2000 cities.",
        "It grew from 1500 to 2000 users.",
        "The count rose by 2019 and then fell.",
        "Ask Jan Koum about it.",
        "The deal was done on Black Friday.",
        "Microsoft fixed it on Patch Tuesday.",
        "The Sunday Times reported the leak.",
        "The office is closed every Friday.",
        "The team met on Mondays.",
        "They will meet this Friday.",
        "The leak came the following Monday.",
        "We face new threats today.",
        "The day before yesterday nothing happened.",
        "In the last year, attacks doubled.",
        "Ministers voiced confidence in May's leadership.",
        "The letter from May was read aloud.",
        "The report came out in May-2019 form.",
        "Since then, we have worked to identify targeted users.",
        "Tasks were tracked on Monday.com boards.",
        "The Centre Thursday sought a reply.",
        "Stormy Monday, directed by Mike Figgis, opened.",
        "Friday nights remained a weak spot for the network.",
        "Pupils may get Saturday detention.",
        "It launched on September 27 of that year.",
        "In December of the same year the law passed.",
        "The event ran May 1–3, 2018, in Paris.",
        "The label was discontinued by March 5 of that year.",
        "He starred in The Tomorrow People.",
        "Sessions take place on Wednesday afternoons.",
        "Meetings take place on Tuesday, Wednesday and Thursday morning.",
        "Follow @Friday for news.",
        "The team meets on the last Friday of the month.",
        "Releases ship on the first Tuesday of each quarter.",
        "Logs live at example.com/2019/11/01/breach.",
        "The plan covered 2018-19 budgets in 2019-20 terms.",
        "The date February 30, 2019 does not exist.",
        "Call 2019-13-01 an invalid date.",
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Extract_Expression_ResolvesToPeriodAtItsPrecision(string sentence, string documentDate, string expression, string expected)
    {
        var mentions = DateExpressionExtractor.Extract(sentence, DateOnly.Parse(documentDate, System.Globalization.CultureInfo.InvariantCulture));

        var mention = Assert.Single(mentions);
        Assert.Equal(expression, sentence.Substring(mention.Span.Start, mention.Span.Length));
        Assert.Equal(expected, mention.When.ToString());
    }

    [Theory]
    [MemberData(nameof(NotDates))]
    public void Extract_NoDateExpression_FindsNothing(string sentence)
    {
        Assert.Empty(DateExpressionExtractor.Extract(sentence, new DateOnly(2019, 11, 1)));
    }

    [Fact]
    public void Extract_SeveralExpressions_ReturnsThemInOrderWithoutOverlaps()
    {
        const string sentence = "Whatsapp on Friday said it had informed authorities in May itself, before the November 1, 2019 report.";

        var mentions = DateExpressionExtractor.Extract(sentence, new DateOnly(2019, 11, 1));

        Assert.Equal(["on Friday", "in May", "November 1, 2019"], mentions.Select(m => sentence.Substring(m.Span.Start, m.Span.Length)));
        Assert.Equal([true, true, false], mentions.Select(m => m.IsRelative));
    }

    [Theory]
    [InlineData("The hearing ran from 28 January to 25 May 1521 in Worms.", "25 May 1521", "1521-05-25")]
    [InlineData("In June and July 1519, he staged a debate.", "July 1519", "1519-07")]
    [InlineData("The probe ran from May to June 2019 at least.", "June 2019", "2019-06")]
    public void Extract_RangeEndingInAYear_LeavesItsStartUnresolved(string sentence, string expression, string expected)
    {
        var mention = Assert.Single(DateExpressionExtractor.Extract(sentence, new DateOnly(2019, 11, 1)));

        Assert.Equal(expression, sentence.Substring(mention.Span.Start, mention.Span.Length));
        Assert.Equal(expected, mention.When.ToString());
    }

    [Fact]
    public void Extract_UndatedDocument_KeepsAbsoluteDatesAndSkipsRelativeOnes()
    {
        const string sentence = "On Thursday the firm said the breach began on 4 November 2019 and ended in May, or in 2020.";

        var mentions = DateExpressionExtractor.Extract(sentence, documentDate: null);

        Assert.Equal(["2019-11-04", "2020"], mentions.Select(m => m.When.ToString()));
        Assert.All(mentions, m => Assert.False(m.IsRelative));
    }

    [Theory]
    [InlineData("Monday", "2019-10-28")]
    [InlineData("Tuesday", "2019-10-29")]
    [InlineData("Wednesday", "2019-10-30")]
    [InlineData("Thursday", "2019-10-31")]
    [InlineData("Friday", "2019-11-01")]
    [InlineData("Saturday", "2019-10-26")]
    [InlineData("Sunday", "2019-10-27")]
    public void Extract_Weekday_IsTheLastSuchDayOnOrBeforeTheDocumentDate(string weekday, string expected)
    {
        var mention = Assert.Single(DateExpressionExtractor.Extract($"It happened on {weekday}.", new DateOnly(2019, 11, 1)));

        Assert.Equal(expected, mention.When.ToString());
        Assert.Equal(DatePrecision.Day, mention.When.Precision);
    }
}
