using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Rendering;
using static IncidentBot.Slack.Tests.Rendering.RenderingTestData;
using static IncidentBot.Slack.Tests.Rendering.SlackJson;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed class SharedAnswerRendererTests
{
    [Fact]
    public void Render_ValidUser_InChannelWithoutShareButtonAndWithSharedByLine()
    {
        var view = new SlackAnswerView(Answered(citations: Citations(5)), 42, Index(), Ephemeral: true);

        var message = SharedAnswerRenderer.Render(view, "U024BE7LH");

        var json = Serialize(message);
        Assert.Contains("\"response_type\":\"in_channel\"", json, StringComparison.Ordinal);
        Assert.Contains("\"replace_original\":false", json, StringComparison.Ordinal);
        var root = Parse(message);
        var blocks = Blocks(root);
        Assert.Equal("Shared by <@U024BE7LH>", Text(blocks[0]));
        Assert.Equal("*Q:* When did the failover start?", Text(blocks[1]));
        Assert.Equal(Text(Blocks(Parse(AnswerBlocksRenderer.Render(view)))[1]), Text(blocks[2]));
        Assert.Equal([ActionIds.More, ActionIds.Helpful, ActionIds.NotHelpful], Buttons(root).Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal("The database failover started at 14:02 UTC.", root.GetProperty("text").GetString());
        AssertWithinLimits(message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("u024be7lh")]
    [InlineData("C024BE7LH")]
    [InlineData("U")]
    [InlineData("U123>")]
    [InlineData("U123|x")]
    [InlineData("U12 3")]
    [InlineData("U123\n")]
    [InlineData("<!channel>")]
    [InlineData("!channel")]
    [InlineData("U1234567890123456789012345678901234567890")]
    public void Render_InvalidUserId_LeavesSharedByLineOut(string? userId)
    {
        var message = SharedAnswerRenderer.Render(new SlackAnswerView(Answered(), 42, Index(), Ephemeral: false), userId);

        var root = Parse(message);
        Assert.DoesNotContain(AllTexts(root), t => t.Contains("Shared by", StringComparison.Ordinal));
        Assert.DoesNotContain(AllTexts(root), t => t.Contains('<', StringComparison.Ordinal));
        AssertWithinLimits(message);
    }

    [Theory]
    [InlineData("U024BE7LH")]
    [InlineData("W012A3CDE")]
    public void Render_UserOrEnterpriseUserId_IsMentioned(string userId)
    {
        var root = Parse(SharedAnswerRenderer.Render(new SlackAnswerView(NotAnswered(), null, null, Ephemeral: true), userId));

        Assert.Equal($"Shared by <@{userId}>", Text(Blocks(root)[0]));
        Assert.Empty(Buttons(root));
    }
}
