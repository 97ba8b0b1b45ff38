using IncidentBot.Core.Indexing;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rendering;
using static IncidentBot.Discord.Tests.Rendering.RenderingTestData;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed class ReindexRendererTests
{
    [Fact]
    public void Render_Built_GivesCountsAndSecondsEphemeral()
    {
        var result = new ReindexResult(ReindexStatus.Built, Index(), TimeSpan.FromMilliseconds(3456), [], null);

        var payload = ReindexRenderer.Render(result);

        Assert.Equal("**Index rebuilt** in 3.5 s: 12 documents, 340 paragraphs, 1,204 sentences.", payload.Content);
        Assert.Equal(MessageFlags.Ephemeral, payload.Flags);
        Assert.Null(payload.Embeds);
    }

    [Fact]
    public void Render_BuiltWithManyWarnings_ListsFirstFewAndCountsTheRest()
    {
        var warnings = Enumerable.Range(1, 8).Select(n => $"doc{n}.md: no *title*").ToList();
        var result = new ReindexResult(ReindexStatus.Built, Index(), TimeSpan.FromSeconds(1), warnings, null);

        var lines = ReindexRenderer.Render(result).Content!.Split('\n');

        Assert.Equal("8 warnings:", lines[1]);
        Assert.Equal(@"- doc1.md: no \*title\*", lines[2]);
        Assert.Equal(ReindexRenderer.ShownWarnings, lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Equal("…and 3 more", lines[^1]);
    }

    [Fact]
    public void Render_BuiltBehindTheGoldenQuestions_AddsTheirScore()
    {
        var result = new ReindexResult(ReindexStatus.Built, Index(), TimeSpan.FromMilliseconds(3456), [], null)
        {
            Golden = new IncidentBot.Core.Evaluation.GoldenCheck(8, 8, 7, []),
        };

        var lines = ReindexRenderer.Render(result).Content!.Split('\n');

        Assert.Equal("Golden questions: 8 of 8 pass (before: 7).", lines[1]);
    }

    [Fact]
    public void Render_Unchanged_SaysNothingToDo()
    {
        var result = new ReindexResult(ReindexStatus.Unchanged, Index(), TimeSpan.FromMilliseconds(20), [], null);

        var content = ReindexRenderer.Render(result).Content!;

        Assert.StartsWith("**Index unchanged**", content, StringComparison.Ordinal);
        Assert.Contains("2025-03-14 07:26 UTC", content, StringComparison.Ordinal);
        Assert.EndsWith("Nothing to do.", content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReindexFailure.SeedsUnavailable, "documents folder is missing")]
    [InlineData(ReindexFailure.Locked, "another reindex is already running")]
    [InlineData(ReindexFailure.IndexUnavailable, "index folder cannot be created or written")]
    [InlineData(ReindexFailure.BuildFailed, "details are in the bot's log")]
    [InlineData(ReindexFailure.GoldenQuestions, "answers the golden questions worse than the current one")]
    [InlineData(ReindexFailure.GoldenQuestionsUnreadable, "golden questions file cannot be read")]
    public void Render_Failed_ExplainsKindAndEscapesError(ReindexFailure failure, string words)
    {
        var result = ReindexResult.Failed(failure, "bad *path* <@1>", TimeSpan.FromSeconds(2));

        var payload = ReindexRenderer.Render(result);

        Assert.StartsWith("**Reindex failed**: ", payload.Content, StringComparison.Ordinal);
        Assert.Contains(words, payload.Content, StringComparison.Ordinal);
        Assert.Contains(@"Error: bad \*path\* \<@1\>", payload.Content, StringComparison.Ordinal);
        Assert.Equal(MessageFlags.Ephemeral, payload.Flags);
    }

    [Fact]
    public void Render_HugeErrorAndWarnings_StaysWithinContentLimit()
    {
        var warnings = Enumerable.Range(1, 50).Select(_ => Words(5000)).ToList();
        var result = ReindexResult.Failed(ReindexFailure.BuildFailed, Words(10_000), TimeSpan.Zero, warnings);

        DiscordLimitsAssert.WithinLimits(ReindexRenderer.Render(result));
    }
}
