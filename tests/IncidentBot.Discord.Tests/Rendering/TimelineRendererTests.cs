using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Timeline;
using IncidentBot.Discord.Rendering;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed partial class TimelineRendererTests
{
    private const string Footnote = "days like “on Thursday” are counted from each document's own date";

    [Fact]
    public void Render_OneEvent_DateSentenceWithItsExpressionInBoldAndSource()
    {
        var sentence = "On Thursday, @everyone in #ops heard *rumours* of <@123>.";
        var timelineEvent = Event(TimelineDate.Day(new DateOnly(2019, 10, 31)), sentence, "On Thursday", source: "notes/a_b.md", paragraph: 3);

        var payload = TimelineRenderer.Render([timelineEvent], asOf: null);

        DiscordLimitsAssert.WithinLimits(payload);
        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal("Incident timeline", embed.Title);
        Assert.Equal(
            "**2019-10-31** — **On Thursday**, @\u200Beveryone in #ops heard \\*rumours\\* of \\<@123\\>. \\[notes/a\\_b.md ¶3\\]",
            embed.Description);
        Assert.Equal("1 event from 1 document · " + Footnote, embed.Footer!.Text);
        Assert.Null(payload.Flags);
        Assert.Empty(payload.AllowedMentions.Parse);
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

        var embed = TimelineRenderer.Render(events, new DateOnly(2019, 11, 3)).Embeds![0];

        Assert.Equal("Incident timeline as of 2019-11-03", embed.Title);
        Assert.Equal(
            [
                "**2019** — Attacks grew **in 2019**. \\[a.md ¶1\\]",
                "**2019-05** — WhatsApp fixed it **in May**. \\[b.md ¶1\\]",
                "**2019-05** — **In May**, it told CERT-In. \\[b.md ¶1\\]",
            ],
            embed.Description!.Split('\n'));
        Assert.StartsWith("3 events from 2 documents · ", embed.Footer!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "No dated events in the documents.")]
    [InlineData("2019-10-31", "No dated events in the documents dated on or before 2019-10-31.")]
    public void Render_NoEvents_SaysSo(string? asOf, string expected)
    {
        DateOnly? day = asOf is null ? null : DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var payload = TimelineRenderer.Render([], day);

        DiscordLimitsAssert.WithinLimits(payload);
        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal(expected, embed.Description);
        Assert.Null(embed.Footer);
    }

    [Fact]
    public void Render_HundredsOfLongEventsWithMentionsAndMarkdown_StaysWithinLimits_AndCountsTheRest()
    {
        const int Count = 600;
        var events = Enumerable.Range(0, Count).Select(i =>
        {
            var sentence = string.Concat(Enumerable.Repeat("@everyone **ping** <@123> <!channel> `x` _y_ ~z~ |w| [link](https://evil.example) 🙂 ", 12))
                + "\n# not a heading\n- nor a list\n> nor a quote " + $"on Thursday number {i} " + new string('x', 900);
            return Event(TimelineDate.Day(new DateOnly(2019, 1, 1).AddDays(i)), sentence, $"on Thursday number {i}", source: "deep/" + new string('d', 1000) + ".md", paragraph: i + 1);
        }).ToList();

        var payload = TimelineRenderer.Render(events, new DateOnly(2019, 12, 31));

        DiscordLimitsAssert.WithinLimits(payload);
        var description = payload.Embeds![0].Description!;
        var lines = description.Split('\n');
        var more = MoreLine().Match(lines[^1]);
        Assert.True(more.Success, lines[^1]);
        Assert.Equal(Count, lines.Length - 1 + int.Parse(more.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.InRange(lines.Length - 1, 5, Count - 1);
        foreach (var (line, i) in lines[..^1].Select((l, i) => (l, i)))
        {
            Assert.InRange(line.Length, 1, 400);
            Assert.StartsWith($"**{new DateOnly(2019, 1, 1).AddDays(i):yyyy-MM-dd}** — ", line, StringComparison.Ordinal);
            Assert.Contains($"**on Thursday number {i}**", line, StringComparison.Ordinal);
            Assert.EndsWith($" ¶{i + 1}\\]", line, StringComparison.Ordinal);
            Assert.True(UnescapedBoldMarkers(line) % 2 == 0, line);
        }

        Assert.DoesNotContain("@everyone", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", description, StringComparison.Ordinal);
        Assert.DoesNotContain("](https://evil.example)", description, StringComparison.Ordinal);
        Assert.DoesNotContain("\n#", description, StringComparison.Ordinal);
        Assert.DoesNotContain("\n>", description, StringComparison.Ordinal);
        Assert.Equal(600 + " events from 1 document · " + Footnote, payload.Embeds[0].Footer!.Text);
    }

    /// <summary>An event whose date expression is <paramref name="expression"/>, found in <paramref name="sentence"/>.</summary>
    private static TimelineEvent Event(TimelineDate when, string sentence, string expression, string source = "report.md", int paragraph = 1)
    {
        var start = sentence.IndexOf(expression, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{expression}' is not in the sentence");
        var citation = new TimelineCitation(source, "Report", new DateOnly(2019, 11, 1), "https://example.org/report", paragraph, 1);
        return new TimelineEvent(when, sentence, new TextSpan(start, expression.Length), IsRelative: true, citation);
    }

    /// <summary>Counts <c>**</c> markers, reading <c>\x</c> escapes as plain text (as Discord does).</summary>
    private static int UnescapedBoldMarkers(string text)
    {
        var markers = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                markers++;
                i++;
            }
        }

        return markers;
    }

    [GeneratedRegex("^…and ([0-9,]+) more events$")]
    private static partial Regex MoreLine();
}
