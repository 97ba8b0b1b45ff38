using IncidentBot.Core.Answers;
using IncidentBot.Discord.Rendering;
using static IncidentBot.Discord.Tests.Rendering.RenderingTestData;

namespace IncidentBot.Discord.Tests.Rendering;

/// <summary>"Did you mean" ends the embed's description, escaped, after the answer or the reason.</summary>
public sealed class DidYouMeanRenderingTests
{
    [Fact]
    public void NotAnswered_WithSuggestion_LastLineOfTheDescription()
    {
        var answer = NotAnswered() with { DidYouMean = [new SpellingSuggestion("failovr", ["failover"])] };

        var embed = Assert.Single(AnswerRenderer.Render(new AnswerView(answer, 42, Index())).Embeds!);

        var last = embed.Description!.Split('\n')[^1];
        Assert.StartsWith("*Did you mean \"failover\"", last, StringComparison.Ordinal);
        Assert.Contains("\"failovr\"", last, StringComparison.Ordinal);
        Assert.EndsWith("?*", last, StringComparison.Ordinal);
        Assert.StartsWith("The documents don't answer", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TypedWordWithMarkdownOrMention_Escaped()
    {
        var answer = Answered() with { DidYouMean = [new SpellingSuggestion("@everyone**", ["everyone"])] };

        var embed = Assert.Single(AnswerRenderer.Render(new AnswerView(answer, 42, Index())).Embeds!);

        Assert.DoesNotContain("@everyone**", embed.Description, StringComparison.Ordinal);
        Assert.Contains("Did you mean", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSuggestion_NoLine()
    {
        var embed = Assert.Single(AnswerRenderer.Render(new AnswerView(Answered(), 42, Index())).Embeds!);

        Assert.DoesNotContain("Did you mean", embed.Description, StringComparison.Ordinal);
    }
}
