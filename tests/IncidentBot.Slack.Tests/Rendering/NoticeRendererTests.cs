using IncidentBot.Slack.Rendering;
using static IncidentBot.Slack.Tests.Rendering.RenderingTestData;
using static IncidentBot.Slack.Tests.Rendering.SlackJson;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed class NoticeRendererTests
{
    [Fact]
    public void Ephemeral_Text_IsEscapedInFallbackAndSection()
    {
        var message = NoticeRenderer.Ephemeral("  This bot does not know <!here> *or* /x & y.  ");

        var root = Parse(message);
        const string Expected = "This bot does not know &lt;!here&gt; \u2217or\u2217 /x &amp; y.";
        Assert.Equal("ephemeral", root.GetProperty("response_type").GetString());
        Assert.Equal(Expected, root.GetProperty("text").GetString());
        Assert.Equal(Expected, Text(Assert.Single(Blocks(root))));
        Assert.Equal("section", Type(Blocks(root)[0]));
        AssertWithinLimits(message);
    }

    [Fact]
    public void Ephemeral_HugeText_IsTruncated()
    {
        var message = NoticeRenderer.Ephemeral(Words(20_000, "a&b"));

        AssertWithinLimits(message);
        Assert.EndsWith("…", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Ephemeral_BlankText_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => NoticeRenderer.Ephemeral(text));
    }

    [Theory]
    [InlineData("/ask", "/ask")]
    [InlineData("/incident", "/incident")]
    [InlineData("  ", "/ask")]
    [InlineData("/a`b", "/a\u02CBb")]
    public void Usage_Command_ShowsExampleInCode(string command, string shown)
    {
        var message = NoticeRenderer.Usage(command);

        var root = Parse(message);
        Assert.Equal("ephemeral", root.GetProperty("response_type").GetString());
        Assert.Equal($"Ask a question about the incident: {shown} How many users were targeted?", root.GetProperty("text").GetString());
        Assert.StartsWith($"Ask a question about the incident: `{shown} How many users were targeted?`\n", Text(Assert.Single(Blocks(root))), StringComparison.Ordinal);
        AssertWithinLimits(message);
    }
}
