using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Rendering;
using static IncidentBot.Slack.Tests.Rendering.RenderingTestData;
using static IncidentBot.Slack.Tests.Rendering.SlackJson;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed class MoreSourcesBlocksRendererTests
{
    [Fact]
    public void Render_FirstPageAfterAnswer_ShowsNextCitationsAndNextPageButton()
    {
        var message = MoreSourcesBlocksRenderer.Render(Answered(citations: Citations(9)), 1, 3, 42);

        var json = Serialize(message);
        Assert.Contains("\"response_type\":\"ephemeral\"", json, StringComparison.Ordinal);
        Assert.Contains("\"replace_original\":false", json, StringComparison.Ordinal);
        var root = Parse(message);
        Assert.Equal("Sources 4–6 of 9", root.GetProperty("text").GetString());
        var blocks = Blocks(root);
        Assert.Equal(["section", "context", "context", "context", "context", "actions"], blocks.Select(Type));
        Assert.Equal("*Sources 4–6 of 9*", Text(blocks[0]));
        Assert.Equal("*Q:* When did the failover start?", Text(blocks[1]));
        Assert.StartsWith("*[4]*", Text(blocks[2]), StringComparison.Ordinal);
        Assert.StartsWith("*[6]*", Text(blocks[4]), StringComparison.Ordinal);
        var button = Assert.Single(Buttons(root));
        Assert.Equal(ActionIds.More, button.GetProperty("action_id").GetString());
        Assert.Equal("42:2", button.GetProperty("value").GetString());
        AssertWithinLimits(message);
    }

    [Fact]
    public void Render_LastPage_HasNoButton()
    {
        var root = Parse(MoreSourcesBlocksRenderer.Render(Answered(citations: Citations(8)), 2, 3, 42));

        Assert.Equal("Sources 7–8 of 8", root.GetProperty("text").GetString());
        Assert.Equal(2, Blocks(root).Count(b => Type(b) == "context" && Text(b).StartsWith("*[", StringComparison.Ordinal)));
        Assert.Empty(Buttons(root));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(100)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Render_PageBeyondOrNegative_SaysNoMoreSources(int page)
    {
        var message = MoreSourcesBlocksRenderer.Render(Answered(citations: Citations(9)), page, 3, 42);

        var root = Parse(message);
        Assert.Equal("No more sources.", root.GetProperty("text").GetString());
        Assert.Equal("No more sources.", Text(Assert.Single(Blocks(root))));
        Assert.Contains("\"replace_original\":false", Serialize(message), StringComparison.Ordinal);
        Assert.Equal("ephemeral", root.GetProperty("response_type").GetString());
    }

    [Fact]
    public void Render_NotAnswered_KeepsPassagesLabelledAsRelated()
    {
        var root = Parse(MoreSourcesBlocksRenderer.Render(NotAnswered(citations: Citations(5)), 1, 3, 42));

        Assert.Equal("*Related passages 4–5 of 5 (not answers)*", Text(Blocks(root)[0]));
        Assert.StartsWith("Related, not an answer — *[4]*", Text(Blocks(root)[2]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 20)]
    [InlineData(1, 7)]
    [InlineData(10, 20)]
    [InlineData(0, 5)]
    [InlineData(50, 30)]
    public void Render_FollowingButtons_ShowsEveryLaterCitationOnce(int pageSize, int count)
    {
        var answer = Answered(citations: Citations(count));
        var shown = AnswerBlocksRenderer.ShownCitations(pageSize);
        var seen = new List<int>();
        var page = 1;
        while (true)
        {
            var message = MoreSourcesBlocksRenderer.Render(answer, page, pageSize, 5);
            AssertWithinLimits(message);
            var root = Parse(message);
            seen.AddRange(Blocks(root).Where(b => Type(b) == "context" && Text(b).StartsWith("*[", StringComparison.Ordinal))
                .Select(b => int.Parse(Text(b)[2..Text(b).IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)));
            var next = Buttons(root).SingleOrDefault();
            if (next.ValueKind == System.Text.Json.JsonValueKind.Undefined)
            {
                break;
            }

            Assert.Equal($"5:{page + 1}", next.GetProperty("value").GetString());
            page++;
        }

        Assert.Equal(Enumerable.Range(shown + 1, Math.Max(0, count - shown)), seen);
    }

    [Fact]
    public void Render_HugeCitations_StaysWithinEveryLimit()
    {
        var huge = Words(10_000, "<!here>*");
        var answer = Answered(question: Words(500), citations: Citations(20, n => Citation(n, snippet: huge, title: huge, url: "https://example.test/" + huge)));

        AssertWithinLimits(MoreSourcesBlocksRenderer.Render(answer, 1, 10, long.MaxValue));
    }
}
