using IncidentBot.Core.Answers;
using IncidentBot.Slack.Rendering;
using static IncidentBot.Slack.Tests.Rendering.RenderingTestData;
using static IncidentBot.Slack.Tests.Rendering.SlackJson;

namespace IncidentBot.Slack.Tests.Rendering;

/// <summary>"Did you mean" is a context line before the citations, escaped like every user-typed text.</summary>
public sealed class DidYouMeanRenderingTests
{
    [Fact]
    public void NotAnswered_WithSuggestion_ContextLineBeforeTheCitations()
    {
        var answer = NotAnswered() with { DidYouMean = [new SpellingSuggestion("failovr", ["failover"])] };

        var blocks = Blocks(Parse(AnswerBlocksRenderer.Render(new SlackAnswerView(answer, 42, Index(), Ephemeral: true))));

        Assert.Equal("context", Type(blocks[1]));
        Assert.Equal("Did you mean \"failover\" (not \"failovr\")?", Text(blocks[1]));
    }

    [Fact]
    public void TypedWordWithAPing_Escaped()
    {
        var answer = Answered() with { DidYouMean = [new SpellingSuggestion("<!channel>", ["channel"])] };

        var message = AnswerBlocksRenderer.Render(new SlackAnswerView(answer, 42, Index(), Ephemeral: true));

        var texts = AllTexts(Parse(message));
        Assert.Contains(texts, t => t.Contains("Did you mean", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("<!channel>", StringComparison.Ordinal));
        AssertWithinLimits(message);
    }
}
