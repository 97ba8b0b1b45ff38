using IncidentBot.Core.Answers;
using IncidentBot.Discord.Rendering;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed class DiscordMarkdownTests
{
    [Theory]
    [InlineData("plain text, 42.", "plain text, 42.")]
    [InlineData("", "")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("a*b*", @"a\*b\*")]
    [InlineData("_under_", @"\_under\_")]
    [InlineData("~~strike~~", @"\~\~strike\~\~")]
    [InlineData("`code`", @"\`code\`")]
    [InlineData("||spoiler||", @"\|\|spoiler\|\|")]
    [InlineData("a > b", @"a \> b")]
    [InlineData("> quoted", @"\> quoted")]
    [InlineData("# Heading", @"\# Heading")]
    [InlineData("## Heading", @"\## Heading")]
    [InlineData("  # Indented heading", @"  \# Indented heading")]
    [InlineData("Issue #5", "Issue #5")]
    [InlineData("- item", @"\- item")]
    [InlineData("-# subtext", @"\-# subtext")]
    [InlineData("well-known", "well-known")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("10. tenth", @"10\. tenth")]
    [InlineData("version 1.2", "version 1.2")]
    [InlineData("line\n2. two", "line\n2\\. two")]
    [InlineData("line\n- two", "line\n\\- two")]
    [InlineData("line\n# two", "line\n\\# two")]
    [InlineData("[click](http://x.test)", @"\[click\]\(http://x.test\)")]
    [InlineData("@everyone look", "@\u200Beveryone look")]
    [InlineData("hey @here", "hey @\u200Bhere")]
    [InlineData("@Everyone", "@\u200BEveryone")]
    [InlineData("ops@example.com", "ops@example.com")]
    [InlineData("<@123>", @"\<@123\>")]
    [InlineData("<@!123>", @"\<@!123\>")]
    [InlineData("<@&456>", @"\<@&456\>")]
    [InlineData("<#789>", @"\<#789\>")]
    [InlineData("<t:1700000000:R>", @"\<t:1700000000:R\>")]
    public void Escape_SpecialText_ShowsLiterally(string text, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.Escape(text));
    }

    [Theory]
    [InlineData("hello world", new[] { 0, 5 }, "**hello** world")]
    [InlineData("hello world", new[] { 6, 5 }, "hello **world**")]
    [InlineData("hello world", new[] { 0, 5, 6, 5 }, "**hello** **world**")]
    [InlineData("hello world", new[] { 6, 5, 0, 5 }, "**hello** **world**")]
    [InlineData("hello world", new[] { 0, 5, 5, 1 }, "**hello** world")] // touching spans merge; the space is trimmed out of the bold (Markdown does not bold "**hello **")
    [InlineData("hello world", new[] { 0, 5, 3, 5 }, "**hello wo**rld")]
    [InlineData("hello world", new[] { 0, 11 }, "**hello world**")]
    [InlineData("hello world", new[] { 20, 3 }, "hello world")]
    [InlineData("hello world", new[] { -5, 2 }, "hello world")]
    [InlineData("hello world", new[] { 8, 10 }, "hello wo**rld**")]
    [InlineData("hello world", new[] { 2, 0 }, "hello world")]
    [InlineData("hello world", new int[0], "hello world")]
    [InlineData("a*b c", new[] { 0, 3 }, @"**a\*b** c")]
    [InlineData("# hi", new[] { 2, 2 }, @"\# **hi**")]
    [InlineData("@everyone", new[] { 1, 8 }, "@\u200B**everyone**")]
    [InlineData("1. one", new[] { 3, 3 }, @"1\. **one**")]
    public void Bold_Spans_WrapsEscapedRanges(string text, int[] pairs, string expected)
    {
        var spans = pairs.Chunk(2).Select(p => new TextSpan(p[0], p[1])).ToList();

        Assert.Equal(expected, DiscordMarkdown.Bold(text, spans));
    }

    [Fact]
    public void Bold_SpanSplittingSurrogatePair_WidensToWholeCharacter()
    {
        Assert.Equal("x**\U0001F600**y", DiscordMarkdown.Bold("x\U0001F600y", [new TextSpan(2, 1)]));
    }

    [Fact]
    public void Bold_PiecewiseEscaping_MatchesWholeEscaping()
    {
        const string text = "# Title\n- item with *stars* and <@1> @here\n3. done";

        var here = text.IndexOf("here", StringComparison.Ordinal);

        var bolded = DiscordMarkdown.Bold(text, [new TextSpan(0, 1), new TextSpan(10, 4), new TextSpan(here, 4)]);

        Assert.Equal(DiscordMarkdown.Escape(text), bolded.Replace("**", string.Empty, StringComparison.Ordinal));
    }
}
