using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rendering;
using static IncidentBot.Discord.Tests.Rendering.RenderingTestData;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed class MoreSourcesRendererTests
{
    [Fact]
    public void RenderMoreSources_FirstPage_ShowsCitationsAfterMainAnswerAndNextButton()
    {
        var payload = MoreSourcesRenderer.RenderMoreSources(Answered(citations: Citations(7)), 1, 3, 42);

        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal("Sources 4–6 of 7", embed.Title);
        Assert.Equal("Q: When did the failover start?", embed.Description);
        Assert.Equal(["[4]", "[5]", "[6]"], embed.Fields!.Select(f => f.Name[..3]));
        var button = Assert.Single(Assert.Single(payload.Components!).Components);
        Assert.Equal(("More sources", "ask:more:42:2"), (button.Label, button.CustomId));
        Assert.Equal(MessageFlags.Ephemeral, payload.Flags);
        DiscordLimitsAssert.WithinLimits(payload);
    }

    [Fact]
    public void RenderMoreSources_LastPartialPage_HasNoButton()
    {
        var payload = MoreSourcesRenderer.RenderMoreSources(Answered(citations: Citations(7)), 2, 3, 42);

        Assert.Equal("Sources 7–7 of 7", payload.Embeds![0].Title);
        Assert.Equal("[7]", Assert.Single(payload.Embeds[0].Fields!).Name[..3]);
        Assert.Null(payload.Components);
    }

    [Fact]
    public void RenderMoreSources_LastFullPage_HasNoButton()
    {
        var payload = MoreSourcesRenderer.RenderMoreSources(Answered(citations: Citations(6)), 1, 3, 42);

        Assert.Equal(3, payload.Embeds![0].Fields!.Count);
        Assert.Null(payload.Components);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(100)]
    [InlineData(-1)]
    public void RenderMoreSources_PageBeyondCitations_SaysNoMoreSources(int page)
    {
        var payload = MoreSourcesRenderer.RenderMoreSources(Answered(citations: Citations(7)), page, 3, 42);

        Assert.Equal("No more sources.", payload.Content);
        Assert.Null(payload.Embeds);
        Assert.Null(payload.Components);
        Assert.Equal(MessageFlags.Ephemeral, payload.Flags);
        DiscordLimitsAssert.WithinLimits(payload);
    }

    [Fact]
    public void RenderMoreSources_NotAnswered_KeepsRelatedLabels()
    {
        var payload = MoreSourcesRenderer.RenderMoreSources(NotAnswered(citations: Citations(5)), 1, 3, 9);

        var embed = payload.Embeds![0];
        Assert.Equal("Related passages 4–5 of 5 (not answers)", embed.Title);
        Assert.All(embed.Fields!, f => Assert.StartsWith("Related, not an answer — [", f.Name, StringComparison.Ordinal));
        Assert.Equal(AnswerRenderer.NotAnsweredColor, embed.Color);
    }

    [Fact]
    public void RenderMoreSources_HugeCitations_StaysWithinLimits()
    {
        var citations = Citations(60, n => Citation(n, snippet: Words(5000), title: Words(400), url: "https://example.test/x"));

        var payload = MoreSourcesRenderer.RenderMoreSources(Answered(question: Words(600, "<@1>"), citations: citations), 1, 10, 42);

        DiscordLimitsAssert.WithinLimits(payload);
        Assert.Equal(10, payload.Embeds![0].Fields!.Count);
        Assert.Equal("ask:more:42:2", payload.Components![0].Components[0].CustomId);
    }
}
