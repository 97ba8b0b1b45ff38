using IncidentBot.Slack.Rendering;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed class SlackFormatCodeTests
{
    [Theory]
    [InlineData("000_43178d05d4589019.txt", "`000_43178d05d4589019.txt`")]
    [InlineData("<!channel>.md", "`&lt;!channel&gt;.md`")]
    [InlineData("a&b.md", "`a&amp;b.md`")]
    [InlineData("tick`name.md", "`tick\u02CBname.md`")]
    [InlineData("two\nlines.md", "`two lines.md`")]
    public void Code_FileName_KeptLiteralInsideOneCodeSpan(string name, string expected)
    {
        Assert.Equal(expected, SlackFormat.Code(name, 200));
    }

    [Fact]
    public void Code_LongName_TruncatedWithinTheLimitAndStillClosed()
    {
        var code = SlackFormat.Code(new string('x', 500) + ".md", 50);

        Assert.True(code.Length <= 50, code);
        Assert.StartsWith("`", code, StringComparison.Ordinal);
        Assert.EndsWith("`", code, StringComparison.Ordinal);
    }
}
