using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Timeline;
using IncidentBot.Slack.Rendering;
using static IncidentBot.Slack.Tests.Rendering.SlackJson;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed partial class TimelineBlocksRendererTests
{
    private const string Footnote = "days like “on Thursday” are counted from each document's own date";

    [Fact]
    public void Render_OneEvent_DateSentenceWithItsExpressionInBoldAndSource()
    {
        var sentence = "On Thursday, @channel heard *rumours* of <!here> & <@U123>.";
        var timelineEvent = Event(TimelineDate.Day(new DateOnly(2019, 10, 31)), sentence, "On Thursday", source: "notes/a_b.md", paragraph: 3);

        var message = TimelineBlocksRenderer.Render([timelineEvent], asOf: null, ephemeral: true);

        AssertWithinLimits(message);
        var root = Parse(message);
        Assert.Equal("ephemeral", root.GetProperty("response_type").GetString());
        Assert.Equal("Incident timeline", root.GetProperty("text").GetString());
        var blocks = Blocks(root);
        Assert.Equal(["header", "section", "context"], blocks.Select(Type));
        Assert.Equal("Incident timeline", Text(blocks[0]));
        Assert.Equal(
            "*2019-10-31* — *On Thursday*\u200B, @\u200Bchannel heard \u2217rumours\u2217 of &lt;!here&gt; &amp; &lt;@U123&gt;. · `notes/a_b.md` ¶3",
            Text(blocks[1]));
        Assert.Equal("1 event from 1 document · " + Footnote, Text(blocks[2]));
    }

    [Fact]
    public void Render_MonthsAndYears_ShowTheirPrecision_AndCountDocuments()
    {
        var events = new[]
        {
            Event(TimelineDate.Year(2019), "Attacks grew in 2019.", "in 2019", source: "a.md"),
            Event(TimelineDate.Month(2019, 5), "WhatsApp fixed it in May.", "in May", source: "b.md"),
            Event(TimelineDate.Month(2019, 5), "In May, it told CERT-In.", "In May", source: "b.md"),
        };

        var message = TimelineBlocksRenderer.Render(events, new DateOnly(2019, 11, 3), ephemeral: false);

        var root = Parse(message);
        Assert.Equal("in_channel", root.GetProperty("response_type").GetString());
        Assert.Equal("Incident timeline as of 2019-11-03", Text(Blocks(root)[0]));
        Assert.Equal(
            [
                "*2019* — Attacks grew *in 2019*\u200B. · `a.md` ¶1",
                "*2019-05* — WhatsApp fixed it *in May*\u200B. · `b.md` ¶1",
                "*2019-05* — *In May*\u200B, it told CERT-In. · `b.md` ¶1",
            ],
            Text(Blocks(root)[1]).Split('\n'));
        Assert.StartsWith("3 events from 2 documents · ", Text(Blocks(root)[2]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Incident timeline", "No dated events in the documents.")]
    [InlineData("2019-10-31", "Incident timeline as of 2019-10-31", "No dated events in the documents dated on or before 2019-10-31.")]
    public void Render_NoEvents_SaysSo(string? asOf, string title, string expected)
    {
        DateOnly? day = asOf is null ? null : DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var message = TimelineBlocksRenderer.Render([], day, ephemeral: true);

        AssertWithinLimits(message);
        var blocks = Blocks(Parse(message));
        Assert.Equal(["header", "section"], blocks.Select(Type));
        Assert.Equal(title, Text(blocks[0]));
        Assert.Equal(expected, Text(blocks[1]));
    }

    [Fact]
    public void Render_HundredsOfLongEventsWithMentionsAndMarkup_StaysWithinLimits_AndCountsTheRest()
    {
        const int Count = 600;
        var events = Enumerable.Range(0, Count).Select(i =>
        {
            var sentence = string.Concat(Enumerable.Repeat("@everyone *ping* <!channel> <@U123> <https://evil.example|click> &amp; `x` _y_ ~z~ 🙂 ", 12))
                + "\n> not a quote " + $"on Thursday number {i} " + new string('x', 900);
            return Event(TimelineDate.Day(new DateOnly(2019, 1, 1).AddDays(i)), sentence, $"on Thursday number {i}", source: "deep/" + new string('d', 1000) + ".md", paragraph: i + 1);
        }).ToList();

        var message = TimelineBlocksRenderer.Render(events, asOf: null, ephemeral: true);

        AssertWithinLimits(message);
        var root = Parse(message);
        var blocks = Blocks(root);
        var sections = blocks.Where(b => Type(b) == "section").Select(Text).ToList();
        Assert.Equal(TimelineBlocksRenderer.MaxListSections, sections.Count);
        Assert.Equal(TimelineBlocksRenderer.MaxListSections + 3, blocks.Count);
        var lines = sections.SelectMany(s => s.Split('\n')).ToList();
        var more = MoreLine().Match(Text(blocks[^2]));
        Assert.True(more.Success, Text(blocks[^2]));
        Assert.Equal(Count, lines.Count + int.Parse(more.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            Assert.InRange(line.Length, 1, 400);
            Assert.StartsWith($"*{new DateOnly(2019, 1, 1).AddDays(i):yyyy-MM-dd}* — ", line, StringComparison.Ordinal);
            Assert.Contains($"*on Thursday number {i}*", line, StringComparison.Ordinal);
            Assert.EndsWith($"` ¶{i + 1}", line, StringComparison.Ordinal);
        }

        var all = string.Join('\n', AllTexts(root));
        Assert.DoesNotContain("@everyone", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U123>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example", all, StringComparison.Ordinal);
        Assert.DoesNotContain("\n&gt;", all, StringComparison.Ordinal);
        Assert.Equal("600 events from 1 document · " + Footnote, Text(blocks[^1]));
    }

    /// <summary>An event whose date expression is <paramref name="expression"/>, found in <paramref name="sentence"/>.</summary>
    private static TimelineEvent Event(TimelineDate when, string sentence, string expression, string source = "report.md", int paragraph = 1)
    {
        var start = sentence.IndexOf(expression, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{expression}' is not in the sentence");
        var citation = new TimelineCitation(source, "Report", new DateOnly(2019, 11, 1), "https://example.org/report", paragraph, 1);
        return new TimelineEvent(when, sentence, new TextSpan(start, expression.Length), IsRelative: true, citation);
    }

    [GeneratedRegex("^…and ([0-9,]+) more events$")]
    private static partial Regex MoreLine();
}
