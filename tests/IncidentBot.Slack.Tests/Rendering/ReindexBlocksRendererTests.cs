using IncidentBot.Core.Indexing;
using IncidentBot.Slack.Rendering;
using static IncidentBot.Slack.Tests.Rendering.RenderingTestData;
using static IncidentBot.Slack.Tests.Rendering.SlackJson;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed class ReindexBlocksRendererTests
{
    [Fact]
    public void Render_BuiltBehindTheGoldenQuestions_AddsTheirScore()
    {
        var result = new ReindexResult(ReindexStatus.Built, Index(), TimeSpan.FromMilliseconds(1234), [], null)
        {
            Golden = new IncidentBot.Core.Evaluation.GoldenCheck(8, 6, null, []),
        };

        var text = Text(Assert.Single(Blocks(Parse(ReindexBlocksRenderer.Render(result)))));

        Assert.EndsWith("sentences.\nGolden questions: 6 of 8 pass.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Built_SaysRebuiltWithCounts()
    {
        var result = new ReindexResult(ReindexStatus.Built, Index(), TimeSpan.FromMilliseconds(1234), [], null);

        var message = ReindexBlocksRenderer.Render(result);

        var root = Parse(message);
        Assert.Equal("ephemeral", root.GetProperty("response_type").GetString());
        Assert.Equal("Index rebuilt in 1.2 s.", root.GetProperty("text").GetString());
        Assert.Equal("*Index rebuilt* in 1.2 s: 12 documents, 340 paragraphs, 1,204 sentences.", Text(Assert.Single(Blocks(root))));
        AssertWithinLimits(message);
    }

    [Fact]
    public void Render_Unchanged_SaysNothingToDo()
    {
        var result = new ReindexResult(ReindexStatus.Unchanged, Index(), TimeSpan.Zero, [], null);

        var root = Parse(ReindexBlocksRenderer.Render(result));

        Assert.Equal("Index unchanged: nothing to do.", root.GetProperty("text").GetString());
        Assert.Equal(
            "*Index unchanged*: the documents have not changed since it was built (2025-03-14 07:26 UTC; 12 documents, 340 paragraphs, 1,204 sentences). Nothing to do.",
            Text(Assert.Single(Blocks(root))));
    }

    [Theory]
    [InlineData(ReindexFailure.SeedsUnavailable, "the documents folder is missing, unreadable or has no usable document")]
    [InlineData(ReindexFailure.Locked, "another reindex is already running; try again in a moment")]
    [InlineData(ReindexFailure.IndexUnavailable, "the index folder cannot be created or written")]
    [InlineData(ReindexFailure.BuildFailed, "the build broke unexpectedly; the details are in the bot's log")]
    [InlineData(ReindexFailure.GoldenQuestions, "the rebuilt index answers the golden questions worse than the current one")]
    [InlineData(ReindexFailure.GoldenQuestionsUnreadable, "the golden questions file cannot be read, so the rebuild cannot be checked")]
    public void Render_Failed_DescribesFailureKindAndEscapesError(ReindexFailure failure, string words)
    {
        var result = ReindexResult.Failed(failure, "bad <!channel> file *x*.md & more", TimeSpan.FromSeconds(2));

        var message = ReindexBlocksRenderer.Render(result);

        var root = Parse(message);
        Assert.Equal($"Reindex failed: {words}.", root.GetProperty("text").GetString());
        Assert.Equal(
            $"*Reindex failed*: {words}. The previous index, if any, keeps answering.\nError: bad &lt;!channel&gt; file \u2217x\u2217.md &amp; more",
            Text(Assert.Single(Blocks(root))));
        AssertWithinLimits(message);
    }

    [Fact]
    public void Render_ManyLongWarningsAndHugeError_ListsFiveWithinLimits()
    {
        var warnings = Enumerable.Range(1, 8).Select(n => $"doc{n}.md: " + Words(5000, "<x>")).ToList();
        var result = ReindexResult.Failed(ReindexFailure.BuildFailed, Words(50_000, "*err*"), TimeSpan.FromSeconds(1), warnings);

        var message = ReindexBlocksRenderer.Render(result);

        AssertWithinLimits(message);
        var blocks = Blocks(Parse(message));
        Assert.Equal(2, blocks.Count);
        var lines = Text(blocks[1]).Split('\n');
        Assert.Equal("*8 warnings:*", lines[0]);
        Assert.Equal(5, lines.Count(l => l.StartsWith("• doc", StringComparison.Ordinal)));
        Assert.Equal("…and 3 more", lines[^1]);
    }

    [Fact]
    public void Render_OneWarning_UsesSingular()
    {
        var result = new ReindexResult(ReindexStatus.Built, null, TimeSpan.FromSeconds(3), ["skipped empty.md"], null);

        var blocks = Blocks(Parse(ReindexBlocksRenderer.Render(result)));

        Assert.Equal("*Index rebuilt* in 3.0 s.", Text(blocks[0]));
        Assert.Equal("*1 warning:*\n• skipped empty.md", Text(blocks[1]));
    }
}
