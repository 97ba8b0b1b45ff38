using IncidentBot.Core.Answers;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Rendering;
using static IncidentBot.Slack.Tests.Rendering.RenderingTestData;
using static IncidentBot.Slack.Tests.Rendering.SlackJson;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed class AnswerBlocksRendererTests
{
    [Fact]
    public void Render_Answered_ShowsQuestionBoldSentenceCitationsFooterAndButtons()
    {
        var answer = Answered(highlights: [new TextSpan(4, 8), new TextSpan(13, 8)]);

        var message = AnswerBlocksRenderer.Render(new SlackAnswerView(answer, 42, Index(), Ephemeral: true));

        var json = Serialize(message);
        Assert.Contains("\"response_type\":\"ephemeral\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"The *database* *failover* started at 14:02 UTC. [1]\",\"verbatim\":true}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("replace_original", json, StringComparison.Ordinal);
        var root = Parse(message);
        Assert.Equal("The database failover started at 14:02 UTC.", root.GetProperty("text").GetString());
        var blocks = Blocks(root);
        Assert.Equal(["context", "section", "context", "context", "context", "actions"], blocks.Select(Type));
        Assert.Equal("*Q:* When did the failover start?", Text(blocks[0]));
        Assert.Equal("mrkdwn", blocks[2].GetProperty("elements")[0].GetProperty("type").GetString());
        Assert.Equal("*[1]* Postmortem · ¶4 · 2025-03-01\nThe database failover started at 14:02 UTC.", Text(blocks[2]));
        Assert.Equal("*[2]* Postmortem · ¶4 · 2025-03-01\nThe database failover started at 14:02 UTC.", Text(blocks[3]));
        Assert.Equal("Quoted from 12 documents · index built 2025-03-14 07:26 UTC · 12 ms", Text(blocks[4]));
        var buttons = Buttons(root);
        Assert.Equal([ActionIds.Share, ActionIds.Helpful, ActionIds.NotHelpful], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal(["Share in channel", "Helpful", "Not helpful"], buttons.Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.All(buttons, b => Assert.Equal("42", b.GetProperty("value").GetString()));
        Assert.Equal("primary", buttons[0].GetProperty("style").GetString());
        Assert.False(buttons[1].TryGetProperty("style", out _));
        AssertWithinLimits(message);
    }

    [Fact]
    public void Render_CitationWithHighlightsAndUrl_BoldsAndLinks()
    {
        var citation = Citation(1, url: "https://status.example.test/post(1)?a=1&b=2", highlights: [new TextSpan(4, 8)]);

        var blocks = Blocks(Parse(Render(Answered(citations: [citation]))));

        Assert.Equal(
            "*[1]* Postmortem · ¶4 · 2025-03-01\nThe *database* failover started at 14:02 UTC.\n<https://status.example.test/post(1)?a=1&amp;b=2|source>",
            Text(blocks[2]));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("docs/relative.md")]
    [InlineData("   ")]
    public void Render_UrlNotHttp_LeavesLinkOut(string url)
    {
        var blocks = Blocks(Parse(Render(Answered(citations: [Citation(1, url: url)]))));

        Assert.DoesNotContain('<', Text(blocks[2]));
    }

    [Fact]
    public void Render_CitationWithoutDateOrTitleOrSnippet_UsesSourceAndPlaceholder()
    {
        var blocks = Blocks(Parse(Render(Answered(citations: [Citation(1, title: "", date: null, snippet: " ")]))));

        Assert.Equal("*[1]* docs/doc1.md · ¶4\n(no text)", Text(blocks[2]));
    }

    [Theory]
    [InlineData(true, "ephemeral", true)]
    [InlineData(false, "in_channel", false)]
    public void Render_EphemeralOrNot_SetsResponseTypeAndShareButton(bool ephemeral, string responseType, bool share)
    {
        var root = Parse(AnswerBlocksRenderer.Render(new SlackAnswerView(Answered(), 7, Index(), ephemeral)));

        Assert.Equal(responseType, root.GetProperty("response_type").GetString());
        Assert.Equal(share, Buttons(root).Any(b => b.GetProperty("action_id").GetString() == ActionIds.Share));
    }

    [Fact]
    public void Render_NoAskId_RendersNoButtons()
    {
        var root = Parse(AnswerBlocksRenderer.Render(new SlackAnswerView(Answered(citations: Citations(9)), null, Index(), Ephemeral: true)));

        Assert.DoesNotContain(Blocks(root), b => Type(b) == "actions");
    }

    [Fact]
    public void Render_MoreCitationsThanShown_ShowsFirstOnesAndMoreButton()
    {
        var root = Parse(AnswerBlocksRenderer.Render(new SlackAnswerView(Answered(citations: Citations(5)), 42, Index(), Ephemeral: true, ShownCitations: 3)));

        Assert.Equal(3, Blocks(root).Count(b => Type(b) == "context" && Text(b).Contains('¶', StringComparison.Ordinal)));
        var more = Assert.Single(Buttons(root), b => b.GetProperty("action_id").GetString() == ActionIds.More);
        Assert.Equal("42:1", more.GetProperty("value").GetString());
        Assert.Equal("More sources", more.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal([ActionIds.Share, ActionIds.More, ActionIds.Helpful, ActionIds.NotHelpful], Buttons(root).Select(b => b.GetProperty("action_id").GetString()));
    }

    [Fact]
    public void Render_ExactlyShownCitations_HasNoMoreButton()
    {
        var root = Parse(AnswerBlocksRenderer.Render(new SlackAnswerView(Answered(citations: Citations(3)), 42, Index(), Ephemeral: false)));

        Assert.DoesNotContain(Buttons(root), b => b.GetProperty("action_id").GetString() == ActionIds.More);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(4, 4)]
    [InlineData(50, 10)]
    public void Render_ShownCitations_IsClamped(int requested, int expected)
    {
        var root = Parse(AnswerBlocksRenderer.Render(new SlackAnswerView(Answered(citations: Citations(20)), 1, Index(), Ephemeral: true, requested)));

        Assert.Equal(expected, Blocks(root).Count(b => Type(b) == "context" && Text(b).StartsWith("*[", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_NotAnswered_SaysSoAndLabelsPassagesAsRelated()
    {
        var message = AnswerBlocksRenderer.Render(new SlackAnswerView(NotAnswered(), 42, Index(), Ephemeral: true));

        var root = Parse(message);
        Assert.Equal("No answer in the documents.", root.GetProperty("text").GetString());
        var blocks = Blocks(root);
        Assert.Equal(["section", "context", "context", "context", "actions"], blocks.Select(Type));
        Assert.Equal(
            "*No answer in the documents*\nThe documents don't answer this question. The closest passages are below.\n*Question:* Who won the football match?",
            Text(blocks[0]));
        Assert.Equal("Related, not an answer — *[1]* Postmortem · ¶4 · 2025-03-01\nThe database failover started at 14:02 UTC.", Text(blocks[1]));
        Assert.StartsWith("Related, not an answer — *[2]*", Text(blocks[2]), StringComparison.Ordinal);
        Assert.Equal("Searched 12 documents · index built 2025-03-14 07:26 UTC · 8 ms", Text(blocks[3]));
        Assert.DoesNotContain("Quoted from", Serialize(message), StringComparison.Ordinal);
        Assert.Equal([ActionIds.Share, ActionIds.Helpful, ActionIds.NotHelpful], Buttons(root).Select(b => b.GetProperty("action_id").GetString()));
        AssertWithinLimits(message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Render_NotAnsweredWithoutMessage_UsesDefaultWording(string? reason)
    {
        var blocks = Blocks(Parse(Render(NotAnswered(message: reason, citations: []))));

        Assert.Equal("*No answer in the documents*\nThe documents don't answer this question.\n*Question:* Who won the football match?", Text(blocks[0]));
    }

    [Fact]
    public void Render_AnsweredWithBlankText_IsShownAsNotAnswered()
    {
        var answer = Answered() with { Text = " " };

        var root = Parse(Render(answer));

        Assert.Equal("No answer in the documents.", root.GetProperty("text").GetString());
        Assert.StartsWith("Related, not an answer", Text(Blocks(root)[1]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!channel> when did it start?")]
    [InlineData("<!here|here> now")]
    [InlineData("<@U123> what happened?")]
    [InlineData("<http://evil.test|click me>")]
    [InlineData("@channel *urgent* _now_ `x` ~y~")]
    public void Render_QuestionWithMentionsOrMarkup_NeverAppearsUnescaped(string question)
    {
        foreach (var answer in new[] { Answered(question: question), NotAnswered(question: question) })
        {
            var message = AnswerBlocksRenderer.Render(new SlackAnswerView(answer, 3, Index(), Ephemeral: true));

            var texts = AllTexts(Parse(message));
            Assert.DoesNotContain(texts, t => t.Contains("<!", StringComparison.Ordinal) || t.Contains("<@", StringComparison.Ordinal) || t.Contains("<http://evil", StringComparison.Ordinal));
            Assert.DoesNotContain(texts, t => t.Contains("@channel", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains("*Q", StringComparison.Ordinal) && t.Contains(SlackText.Escape(question), StringComparison.Ordinal));
            AssertWithinLimits(message);
        }
    }

    [Fact]
    public void Render_DocumentTextWithMentions_IsEscapedEverywhere()
    {
        const string Evil = "<!channel> *pwned* <http://evil.test|click>";
        var citation = new Citation(1, Evil, Evil, Evil, "https://ok.test/", 1, 1, Evil, 1, [new TextSpan(0, 10)]);
        var answer = Answered(text: Evil, highlights: [new TextSpan(11, 7)], citations: [citation]);

        var message = AnswerBlocksRenderer.Render(new SlackAnswerView(answer, 1, Index(), Ephemeral: true));

        Assert.DoesNotContain(AllTexts(Parse(message)), t => t.Contains("<!", StringComparison.Ordinal) || t.Contains("<http://evil", StringComparison.Ordinal));
        Assert.Equal("&lt;!channel&gt; *\u2217pwned\u2217* &lt;http://evil.test|click&gt; [1]", Text(Blocks(Parse(message))[1]));
        AssertWithinLimits(message);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Render_HugeInputs_StaysWithinEveryLimit(bool answered, bool ephemeral)
    {
        var huge = Words(10_000, "*x_y~<!channel>&");
        var citations = Citations(20, n => new Citation(
            n, Words(5000, "src"), huge, Words(300), "https://example.test/" + new string('p', 350), int.MaxValue, 1, huge, 1, [new TextSpan(0, 9000), new TextSpan(-1, 3)]));
        var question = Words(500, "<@U1>?");
        var answer = answered
            ? new Answer(question, true, huge, null, citations, 123456.7) { Highlights = [new TextSpan(2, 5000), new TextSpan(6000, 3000)] }
            : new Answer(question, false, null, huge, citations, 1);

        foreach (var shown in new[] { 3, 10, 1000 })
        {
            var message = AnswerBlocksRenderer.Render(new SlackAnswerView(answer, long.MinValue, Index(int.MaxValue), ephemeral, shown));

            AssertWithinLimits(message);
            var root = Parse(message);
            Assert.InRange(root.GetProperty("text").GetString()!.Length, 1, SlackLimits.ShortFallbackText);
            Assert.InRange(Blocks(root).Count, 4, 15);
        }
    }

    [Fact]
    public void Render_LongAnswer_FallbackIsShortPlainSentence()
    {
        var answer = Answered(text: Words(2000) + " *bold* <!here>", highlights: [new TextSpan(0, 4)]);

        var fallback = Parse(Render(answer)).GetProperty("text").GetString()!;

        Assert.InRange(fallback.Length, 1, SlackLimits.ShortFallbackText);
        Assert.EndsWith("…", fallback, StringComparison.Ordinal);
        Assert.DoesNotContain('*', fallback);
    }

    [Fact]
    public void Render_NoIndexAndNoElapsed_LeavesFooterOut()
    {
        var answer = Answered(elapsedMs: double.NaN);

        var blocks = Blocks(Parse(AnswerBlocksRenderer.Render(new SlackAnswerView(answer, null, null, Ephemeral: true))));

        Assert.Equal(["context", "section", "context", "context"], blocks.Select(Type));
    }

    [Fact]
    public void Render_NoCitations_HasNoMarker()
    {
        var blocks = Blocks(Parse(Render(Answered(citations: []))));

        Assert.Equal("The database failover started at 14:02 UTC.", Text(blocks[1]));
    }

    private static SlackMessage Render(Answer answer) =>
        AnswerBlocksRenderer.Render(new SlackAnswerView(answer, 42, Index(), Ephemeral: true));
}
