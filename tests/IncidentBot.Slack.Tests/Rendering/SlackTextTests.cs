using IncidentBot.Slack.Rendering;
using static IncidentBot.Slack.Tests.Rendering.RenderingTestData;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here>", "&lt;!here&gt;")]
    [InlineData("<!everyone>", "&lt;!everyone&gt;")]
    [InlineData("<@U123>", "&lt;@U123&gt;")]
    [InlineData("<#C123|general>", "&lt;#C123|general&gt;")]
    [InlineData("<http://evil|click>", "&lt;http://evil|click&gt;")]
    [InlineData("AT&T", "AT&amp;T")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("&lt;!channel&gt;", "&amp;lt;!channel&amp;gt;")]
    [InlineData("*bold*", "\u2217bold\u2217")]
    [InlineData("_x_", "\u02CDx\u02CD")]
    [InlineData("~x~", "\u223Cx\u223C")]
    [InlineData("`x`", "\u02CBx\u02CB")]
    [InlineData("```code```", "\u02CB\u02CB\u02CBcode\u02CB\u02CB\u02CB")]
    [InlineData("snake_case_name", "snake\u02CDcase\u02CDname")]
    [InlineData("a > b", "a &gt; b")]
    [InlineData("> quoted", "\u200B&gt; quoted")]
    [InlineData("line\n  > quoted", "line\n  \u200B&gt; quoted")]
    [InlineData("ping @channel now", "ping @\u200Bchannel now")]
    [InlineData("@here", "@\u200Bhere")]
    [InlineData("@Everyone", "@\u200BEveryone")]
    [InlineData("ops@example.com", "ops@example.com")]
    [InlineData("Plain text, 14:02 UTC.", "Plain text, 14:02 UTC.")]
    [InlineData("", "")]
    public void Escape_Table_GivesExpected(string text, string expected)
    {
        Assert.Equal(expected, SlackText.Escape(text));
    }

    [Fact]
    public void Escape_AnyText_LeavesNoFormattingOrControlCharacter()
    {
        var escaped = SlackText.Escape("*a* _b_ ~c~ `d` <e> & f");

        Assert.DoesNotContain(escaped, c => c is '*' or '_' or '~' or '`' or '<' or '>');
        Assert.Equal("\u2217a\u2217 \u02CDb\u02CD \u223Cc\u223C \u02CBd\u02CB &lt;e&gt; &amp; f", escaped);
    }

    [Theory]
    [InlineData("The database failover", "4:8", "The *database* failover")]
    [InlineData("database failover", "0:8", "*database* failover")]
    [InlineData("The database", "4:8", "The *database*")]
    [InlineData("The database failover", "13:8,4:8", "The *database* *failover*")]
    [InlineData("The database failover", "4:4,8:4", "The *database* failover")]
    [InlineData("The database failover", "4:6,6:6", "The *database* failover")]
    [InlineData("users", "0:4", "*user*\u200Bs")]
    [InlineData("superuser", "5:4", "super\u200B*user*")]
    [InlineData("(database)", "1:8", "(\u200B*database*\u200B)")]
    [InlineData("database, then", "0:8", "*database*\u200B, then")]
    [InlineData(" word ", "0:6", " *word* ")]
    [InlineData("a   b", "1:3", "a   b")]
    [InlineData("abc", "1:100", "a\u200B*bc*")]
    [InlineData("abc", "-2:3", "*a*\u200Bbc")]
    [InlineData("abc", "-5:3", "abc")]
    [InlineData("abc", "3:2", "abc")]
    [InlineData("abc", "100:2", "abc")]
    [InlineData("abc", "1:0", "abc")]
    [InlineData("abc", "1:-1", "abc")]
    [InlineData("abc", "", "abc")]
    [InlineData("a <!here> & *b*", "2:7", "a *&lt;!here&gt;* &amp; \u2217b\u2217")]
    [InlineData("x\U0001F600y", "1:1", "x\u200B*\U0001F600*\u200By")]
    [InlineData("x\U0001F600y", "2:1", "x\u200B*\U0001F600*\u200By")]
    public void Bold_Table_GivesExpected(string text, string spans, string expected)
    {
        Assert.Equal(expected, SlackText.Bold(text, Spans(spans)));
    }

    [Fact]
    public void Bold_LongMaxSpan_DoesNotOverflow()
    {
        Assert.Equal("a\u200B*bc*", SlackText.Bold("abc", [new(1, int.MaxValue)]));
    }

    [Theory]
    [InlineData("https://status.example.test/post", "<https://status.example.test/post|source>")]
    [InlineData("http://status.example.test/a b?x=1&y=2", "<http://status.example.test/a%20b?x=1&amp;y=2|source>")]
    [InlineData("https://status.example.test/a|b>c<d", "<https://status.example.test/a%7Cb%3Ec%3Cd|source>")]
    [InlineData("  https://status.example.test/  ", "<https://status.example.test/|source>")]
    public void Link_HttpUrl_GivesSafeLink(string url, string expected)
    {
        var link = SlackText.Link(url, "source");

        Assert.Equal(expected, link);
        SlackJson.AssertSafeMrkdwn(link!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:ops@example.test")]
    [InlineData("docs/relative.md")]
    [InlineData("ftp://example.test/x")]
    public void Link_NotHttp_GivesNull(string? url)
    {
        Assert.Null(SlackText.Link(url, "source"));
    }

    [Fact]
    public void Link_TooLongUrl_GivesNull()
    {
        Assert.Null(SlackText.Link("https://example.test/" + new string('a', 500), "source"));
    }

    [Theory]
    [InlineData("a|b>c", "<https://example.test/|a\u2223b&gt;c>")]
    [InlineData("<!channel> *x*", "<https://example.test/|&lt;!channel&gt; \u2217x\u2217>")]
    [InlineData("two\nlines", "<https://example.test/|two lines>")]
    [InlineData(" ", "<https://example.test/>")]
    public void Link_TextWithControlCharacters_IsEscaped(string text, string expected)
    {
        Assert.Equal(expected, SlackText.Link("https://example.test/", text));
    }
}
