using System.Security.Cryptography;
using System.Text;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Timeline;

public sealed class TimelineBuilderTests
{
    [Fact]
    public void SeedNewsReport_IsAnExactCopyOfTheSeed()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SeedNewsReport.Text)));

        Assert.Equal(SeedNewsReport.Sha256, hash);
    }

    [Fact]
    public void Build_SeedNewsReport_ListsItsDatedSentencesInDateOrder()
    {
        var events = TimelineBuilder.Build([Parse(SeedNewsReport.FileName, SeedNewsReport.Text)]);

        Assert.Equal(
            [
                "2019-05 in May (1.1)",
                "2019-05 In May (3.2)",
                "2019-05 in May (7.1)",
                "2019-10-31 On Thursday (8.1)",
                "2019-11-01 on Friday (1.1)",
                "2019-11-01 November 1, 2019 (7.3)",
            ],
            events.Select(Describe));
    }

    [Fact]
    public void Build_SeedNewsReport_CitesTheSentenceAndItsDocument()
    {
        var events = TimelineBuilder.Build([Parse(SeedNewsReport.FileName, SeedNewsReport.Text)]);

        var thursday = events[3];
        Assert.Equal(new TimelineCitation(SeedNewsReport.FileName, SeedNewsReport.FileName, new DateOnly(2019, 11, 1), null, 8, 1), thursday.Citation);
        Assert.StartsWith("On Thursday, Union Minister Ravi Shankar Prasad", thursday.Sentence, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2019, 10, 31), thursday.Date);
        Assert.Equal(DatePrecision.Day, thursday.Precision);
        Assert.True(thursday.IsRelative);
        Assert.Equal("pic.twitter.com/RPIgIntu1X — ANI (@ANI) November 1, 2019", events[5].Sentence);
        Assert.False(events[5].IsRelative);
    }

    [Fact]
    public void Build_SameStart_ListsWiderPeriodsFirstThenEarlierDocuments()
    {
        var later = Parse("a-later.md", "---\ndate: 2020-01-10\n---\nThe probe began on 1 May 2019.\n");
        var earlier = Parse("b-earlier.md", "---\ndate: 2019-12-01\n---\nThe probe began on 1 May 2019. Staff were warned in May 2019. Budgets were cut in 2019.\n");

        var events = TimelineBuilder.Build([later, earlier]);

        Assert.Equal(
            ["2019 b-earlier.md", "2019-05 b-earlier.md", "2019-05-01 b-earlier.md", "2019-05-01 a-later.md"],
            events.Select(e => $"{e.When} {e.Citation.Source}"));
    }

    [Fact]
    public void Build_SentenceNamingTheSamePeriodTwice_YieldsOneEvent()
    {
        var document = Parse("a.md", "---\ndate: 2019-11-01\n---\nIn May the flaw was found, and in May it was fixed, on May 20.\n");

        var events = TimelineBuilder.Build([document]);

        Assert.Equal(["2019-05 In May", "2019-05-20 on May 20"], events.Select(e => $"{e.When} {e.ExpressionText}"));
    }

    [Fact]
    public void Build_UndatedDocument_KeepsOnlyAbsoluteDates()
    {
        var document = Parse("undated.txt", "The attack began on 30 October 2019. On Monday it spread. In May it was found.\n");

        var events = TimelineBuilder.Build([document]);

        var only = Assert.Single(events);
        Assert.Equal("2019-10-30", only.When.ToString());
        Assert.Null(only.Citation.DocumentDate);
    }

    [Fact]
    public void Build_NoDatedSentences_IsEmpty()
    {
        Assert.Empty(TimelineBuilder.Build([Parse("a.txt", "Nothing here has a date. Users may be at risk.\n")]));
    }

    [Fact]
    public void ToCitation_QuotesTheSentenceAndHighlightsTheExpression()
    {
        var events = TimelineBuilder.Build([Parse(SeedNewsReport.FileName, SeedNewsReport.Text)]);

        var citation = events[3].ToCitation(2);

        Assert.Equal(2, citation.N);
        Assert.Equal(SeedNewsReport.FileName, citation.Source);
        Assert.Equal("2019-11-01", citation.Date);
        Assert.Equal((8, 1), (citation.Paragraph, citation.Sentence));
        Assert.Equal(["On Thursday"], citation.Highlights.Select(h => citation.Snippet.Substring(h.Start, h.Length)));
        Assert.True(citation.Snippet.Length <= 240);
    }

    private static string Describe(TimelineEvent e) => $"{e.When} {e.ExpressionText} ({e.Citation.Paragraph}.{e.Citation.Sentence})";

    /// <summary>Parses a seed file the way the seed loader does, without touching the disk.</summary>
    internal static SourceDocument Parse(string source, string text)
    {
        var (metadata, body) = DocumentMetadataParser.Parse(text);
        return new SourceDocument(source, metadata.Title ?? source, metadata.Date, metadata.Url, Encoding.UTF8.GetByteCount(text), ParagraphReader.Read(body));
    }
}
