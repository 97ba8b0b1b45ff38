using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Rendering;

namespace IncidentBot.Discord.Tests.Unit.Interactions;

public sealed class ComponentIdTests
{
    [Theory]
    [InlineData("ask:more:42:1", 42, 1)]
    [InlineData("ask:more:42:3", 42, 3)]
    [InlineData("ask:more:1:100", 1, 100)]
    [InlineData("ask:more:9223372036854775807:2", long.MaxValue, 2)]
    public void Parse_MoreId_GivesAskIdAndPage(string customId, long askId, int page)
    {
        var id = ComponentId.Parse(customId);

        Assert.NotNull(id);
        Assert.Equal(ComponentId.More, id.Action);
        Assert.Equal(askId, id.AskId);
        Assert.Equal(page, id.Page);
        Assert.Null(id.Helpful);
    }

    [Theory]
    [InlineData("ask:vote:42:up", 42, true)]
    [InlineData("ask:vote:42:down", 42, false)]
    [InlineData("ask:vote:0:up", 0, true)]
    public void Parse_VoteId_GivesAskIdAndVote(string customId, long askId, bool helpful)
    {
        var id = ComponentId.Parse(customId);

        Assert.NotNull(id);
        Assert.Equal(ComponentId.Vote, id.Action);
        Assert.Equal(askId, id.AskId);
        Assert.Equal(helpful, id.Helpful);
        Assert.Null(id.Page);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("click_one")]
    [InlineData("ask")]
    [InlineData("ask:more")]
    [InlineData("ask:more:42")]
    [InlineData("ASK:more:42:1")]
    [InlineData("slack:more:42:1")]
    [InlineData("ask:less:42:1")]
    [InlineData("ask:More:42:1")]
    [InlineData("ask:more:abc:1")]
    [InlineData("ask:more:-42:1")]
    [InlineData("ask:more:+42:1")]
    [InlineData("ask:more: 42:1")]
    [InlineData("ask:more:4.2:1")]
    [InlineData("ask:more::1")]
    [InlineData("ask:more:99999999999999999999:1")]
    [InlineData("ask:more:42:1:extra")]
    [InlineData("ask:vote:42:up:up")]
    [InlineData(":ask:vote:42:up")]
    public void Parse_Malformed_ReturnsNull(string? customId)
    {
        Assert.Null(ComponentId.Parse(customId));
    }

    [Theory]
    [InlineData("ask:more:42:0")]
    [InlineData("ask:more:42:101")]
    [InlineData("ask:more:42:-1")]
    [InlineData("ask:more:42:x")]
    [InlineData("ask:more:42:")]
    [InlineData("ask:more:42:up")]
    [InlineData("ask:more:42:99999999999")]
    public void Parse_MoreWithBadPage_HasNoPage(string customId)
    {
        var id = ComponentId.Parse(customId);

        Assert.Null(id?.Page);
        Assert.Null(id?.Helpful);
    }

    [Theory]
    [InlineData("ask:vote:42:UP")]
    [InlineData("ask:vote:42:yes")]
    [InlineData("ask:vote:42:1")]
    [InlineData("ask:vote:42:")]
    public void Parse_VoteWithBadArgument_HasNoVote(string customId)
    {
        var id = ComponentId.Parse(customId);

        Assert.Null(id?.Helpful);
        Assert.Null(id?.Page);
    }

    [Theory]
    [InlineData(1L, 1)]
    [InlineData(123456789L, 7)]
    [InlineData(long.MaxValue, 100)]
    public void Parse_AskButtonsMoreId_RoundTrips(long askId, int page)
    {
        var id = ComponentId.Parse(AskButtons.MoreId(askId, page));

        Assert.Equal(new ComponentId(ComponentId.More, askId, page.ToString(System.Globalization.CultureInfo.InvariantCulture)), id);
        Assert.Equal(page, id!.Page);
    }

    [Theory]
    [InlineData(1L, true)]
    [InlineData(1L, false)]
    [InlineData(long.MaxValue, true)]
    public void Parse_AskButtonsVoteId_RoundTrips(long askId, bool helpful)
    {
        var id = ComponentId.Parse(AskButtons.VoteId(askId, helpful));

        Assert.NotNull(id);
        Assert.Equal(askId, id.AskId);
        Assert.Equal(helpful, id.Helpful);
    }

    [Fact]
    public void AskButtons_LongestId_FitsDiscordsCustomIdLimit()
    {
        Assert.InRange(AskButtons.MoreId(long.MaxValue, 100).Length, 1, 100);
        Assert.InRange(AskButtons.VoteId(long.MaxValue, helpful: false).Length, 1, 100);
    }
}
