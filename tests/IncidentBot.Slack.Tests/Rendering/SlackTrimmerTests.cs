using System.Text.RegularExpressions;
using IncidentBot.Core.Answers;
using IncidentBot.Slack.Rendering;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed partial class SlackTrimmerTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("", 0, "")]
    [InlineData("abc", 0, "")]
    [InlineData("abc", 1, "…")]
    [InlineData("hello world foo", 12, "hello world…")]
    [InlineData("aaaaaaaaaaaaaaa bbbbbbbbbb", 20, "aaaaaaaaaaaaaaa…")]
    [InlineData("aaaa bbbbbbbbbb", 10, "aaaa bbbb…")]
    [InlineData("abcdefghijklmnop", 5, "abcd…")]
    [InlineData("abc\U0001F600def", 5, "abc…")]
    [InlineData("ab\U0001F600def", 5, "ab\U0001F600…")]
    [InlineData("*bold words here*", 12, "*bold word*…")]
    [InlineData("*abcd*efgh", 6, "*abc*…")]
    [InlineData("abc *def*", 6, "abc…")]
    [InlineData("abc\u200B*def*", 6, "abc…")]
    [InlineData("*abc*\u200Bdefgh", 7, "*abc*…")]
    [InlineData("a &amp; b", 5, "a…")]
    [InlineData("a &amp; b", 7, "a…")]
    [InlineData("a &amp; b", 8, "a &amp;…")]
    [InlineData("x&lt;y&gt;z", 8, "x&lt;y…")]
    [InlineData("AT&T is a company", 5, "AT…")]
    [InlineData("see <https://x.test/a|source> now", 12, "see…")]
    [InlineData("see <https://x.test/a|source> now", 31, "see <https://x.test/a|source>…")]
    [InlineData("ping <@U123> ok", 9, "ping…")]
    [InlineData("word   \n  next", 10, "word…")]
    [InlineData("word\u200B\u200B\u200B\u200Bnext", 9, "word…")]
    public void Truncate_Table_GivesExpected(string text, int maxLength, string expected)
    {
        var result = SlackTrimmer.Truncate(text, maxLength);

        Assert.Equal(expected, result);
        Assert.True(result.Length <= maxLength);
    }

    [Fact]
    public void Truncate_NegativeLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlackTrimmer.Truncate("abc", -1));
    }

    [Fact]
    public void Truncate_ManyTextsAndLengths_AlwaysWithinLimitAndWellFormed()
    {
        // A fixed-seed generator: failures reproduce. Texts mix words, mrkdwn, entities, mentions and emoji, and go
        // through Escape or Bold (and sometimes get a link) like real snippets do.
        var random = new Random(20250314);
        string[] pieces = ["word", " ", "  ", "*", "&", "<", ">", "_", "~", "`", "@here", "<!channel>", "<@U1>", "\U0001F600", "é", "\n", "&amp;", "x"];
        for (var sample = 0; sample < 400; sample++)
        {
            var raw = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var spans = Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => new TextSpan(random.Next(-2, raw.Length + 2), random.Next(0, 8)))
                .ToList();
            var text = random.Next(3) == 0 ? SlackText.Escape(raw) : SlackText.Bold(raw, spans);
            if (random.Next(4) == 0)
            {
                text += " " + SlackText.Link("https://status.example.test/p?a=1&b=2", "source");
            }

            for (var max = 0; max <= text.Length + 1; max++)
            {
                var result = SlackTrimmer.Truncate(text, max);
                var context = $"'{text}' at {max}: '{result}'";

                Assert.True(result.Length <= max, context);
                if (text.Length <= max)
                {
                    Assert.Equal(text, result);
                    continue;
                }

                Assert.True(max == 0 || result.EndsWith(SlackTrimmer.Ellipsis), context);
                var body = result.TrimEnd(SlackTrimmer.Ellipsis);
                Assert.True(text.StartsWith(body.TrimEnd('*'), StringComparison.Ordinal), context);
                Assert.False(body.EndsWith(' ') || body.EndsWith('\n') || body.EndsWith(SlackText.ZeroWidthSpace), context);
                Assert.DoesNotMatch(CutEntity(), body);
                SlackJson.AssertSafeMrkdwn(body.Replace('\n', ' '));
            }
        }
    }

    [GeneratedRegex("&[a-z]*$")]
    private static partial Regex CutEntity();
}
