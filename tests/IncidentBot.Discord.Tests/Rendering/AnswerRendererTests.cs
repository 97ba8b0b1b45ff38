using System.Text.Json;
using IncidentBot.Core.Answers;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rendering;
using static IncidentBot.Discord.Tests.Rendering.RenderingTestData;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed class AnswerRendererTests
{
    [Fact]
    public void Render_Answered_ShowsQuestionBoldSentenceMarkerFieldsAndFooter()
    {
        var answer = Answered(highlights: [new TextSpan(4, 8), new TextSpan(13, 8)]);

        var embed = Assert.Single(AnswerRenderer.Render(new AnswerView(answer, 42, Index())).Embeds!);

        Assert.Equal("Q: When did the failover start?", embed.Title);
        Assert.Equal("The **database** **failover** started at 14:02 UTC. [1]", embed.Description);
        Assert.Equal(AnswerRenderer.AnsweredColor, embed.Color);
        Assert.Equal(2, embed.Fields!.Count);
        Assert.Equal("[1] Postmortem · ¶4 · 2025-03-01", embed.Fields[0].Name);
        Assert.Equal("> The database failover started at 14:02 UTC.", embed.Fields[0].Value);
        Assert.Equal("[2] Postmortem · ¶4 · 2025-03-01", embed.Fields[1].Name);
        Assert.Equal("Quoted from 12 documents · index built 2025-03-14 07:26 UTC · 12 ms", embed.Footer!.Text);
    }

    [Fact]
    public void Render_CitationWithHighlightsAndUrl_QuotesBoldAndLinks()
    {
        var citation = Citation(1, url: "https://status.example.test/post(1)", highlights: [new TextSpan(4, 8)]);

        var field = Assert.Single(Render(Answered(citations: [citation])).Embeds![0].Fields!);

        Assert.Equal("> The **database** failover started at 14:02 UTC.\n[source](https://status.example.test/post%281%29)", field.Value);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("docs/relative.md")]
    [InlineData("   ")]
    public void Render_UrlNotHttp_LeavesLinkOut(string url)
    {
        var field = Assert.Single(Render(Answered(citations: [Citation(1, url: url)])).Embeds![0].Fields!);

        Assert.DoesNotContain("[source]", field.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CitationWithoutDateOrTitle_UsesSourceAndOmitsDate()
    {
        var field = Assert.Single(Render(Answered(citations: [Citation(1, title: "", date: null)])).Embeds![0].Fields!);

        Assert.Equal("[1] docs/doc1.md · ¶4", field.Name);
    }

    [Fact]
    public void Render_MoreCitationsThanShown_ShowsFirstOnesAndMoreButton()
    {
        var payload = AnswerRenderer.Render(new AnswerView(Answered(citations: Citations(5)), 42, Index(), ShownCitations: 3));

        Assert.Equal(["[1]", "[2]", "[3]"], payload.Embeds![0].Fields!.Select(f => f.Name[..3]));
        var buttons = Assert.Single(payload.Components!).Components;
        Assert.Equal(
            [("More sources", "ask:more:42:1", Button.Secondary), ("Helpful", "ask:vote:42:up", Button.Success), ("Not helpful", "ask:vote:42:down", Button.Secondary)],
            buttons.Select(b => (b.Label, b.CustomId, b.Style)));
    }

    [Fact]
    public void Render_AllCitationsShown_HasOnlyVoteButtons()
    {
        var payload = AnswerRenderer.Render(new AnswerView(Answered(citations: Citations(3)), 42, Index(), ShownCitations: 3));

        Assert.Equal(["ask:vote:42:up", "ask:vote:42:down"], Assert.Single(payload.Components!).Components.Select(b => b.CustomId));
    }

    [Fact]
    public void Render_NoAskId_HasNoComponents()
    {
        var json = DiscordLimitsAssert.Serialize(AnswerRenderer.Render(new AnswerView(Answered(citations: Citations(9)), null, Index())));

        Assert.False(json.TryGetProperty("components", out _));
    }

    [Fact]
    public void Render_ExtremeAskId_CustomIdsFitLimit()
    {
        var payload = AnswerRenderer.Render(new AnswerView(Answered(citations: Citations(9)), long.MinValue, Index()));

        Assert.All(payload.Components![0].Components, b => Assert.InRange(b.CustomId.Length, 1, DiscordLimits.CustomId));
        Assert.Equal("ask:more:-9223372036854775808:1", payload.Components[0].Components[0].CustomId);
    }

    [Fact]
    public void Render_NotAnswered_SaysSoAndLabelsRelatedPassages()
    {
        var payload = AnswerRenderer.Render(new AnswerView(NotAnswered(), 7, Index()));

        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal("No answer in the documents", embed.Title);
        Assert.Equal(
            "The documents don't answer this question. The closest passages are below.\n\n**Question:** Who won the football match?",
            embed.Description);
        Assert.Equal(AnswerRenderer.NotAnsweredColor, embed.Color);
        Assert.Equal(["Related, not an answer — [1] Postmortem · ¶4 · 2025-03-01", "Related, not an answer — [2] Postmortem · ¶4 · 2025-03-01"], embed.Fields!.Select(f => f.Name));
        Assert.StartsWith("Searched 12 documents", embed.Footer!.Text, StringComparison.Ordinal);
        Assert.Equal(["ask:vote:7:up", "ask:vote:7:down"], Assert.Single(payload.Components!).Components.Select(b => b.CustomId));
    }

    [Fact]
    public void Render_NotAnsweredWithoutPassagesOrMessage_HasDefaultTextAndNoFields()
    {
        var embed = Render(NotAnswered(message: null, citations: [])).Embeds![0];

        Assert.Null(embed.Fields);
        Assert.StartsWith("The documents don't answer this question.", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnsweredFlagWithoutText_RendersAsNotAnswered()
    {
        var answer = new Answer("q?", true, null, null, Citations(1), 1);

        Assert.Equal(AnswerRenderer.NotAnsweredTitle, Render(answer).Embeds![0].Title);
    }

    [Theory]
    [InlineData(true, MessageFlags.Ephemeral)]
    [InlineData(false, null)]
    public void Render_EphemeralView_SetsFlag(bool ephemeral, int? expected)
    {
        var payload = AnswerRenderer.Render(new AnswerView(Answered(), 1, Index(), Ephemeral: ephemeral));

        Assert.Equal(expected, payload.Flags);
        Assert.Equal(expected.HasValue, DiscordLimitsAssert.Serialize(payload).TryGetProperty("flags", out _));
    }

    [Fact]
    public void Render_Serialized_HasEmptyAllowedMentionsAndSnakeCaseKeys()
    {
        var payload = AnswerRenderer.Render(new AnswerView(Answered(citations: Citations(5)), 42, Index()));

        var json = JsonSerializer.Serialize(payload, DiscordJsonContext.Default.MessagePayload);

        Assert.Same(AllowedMentions.None, payload.AllowedMentions);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json, StringComparison.Ordinal);
        Assert.Contains("\"custom_id\":\"ask:more:42:1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"custom_id\":\"ask:vote:42:up\"", json, StringComparison.Ordinal);
        DiscordLimitsAssert.WithinLimits(payload);
    }

    [Fact]
    public void Render_NoIndex_FooterHasOnlyElapsed()
    {
        Assert.Equal("12 ms", Render(Answered()).Embeds![0].Footer!.Text);
    }

    [Fact]
    public void Render_ShownCitationsZero_ClampsToOne()
    {
        var payload = AnswerRenderer.Render(new AnswerView(Answered(citations: Citations(3)), 5, null, ShownCitations: 0));

        Assert.Single(payload.Embeds![0].Fields!);
        Assert.Equal("ask:more:5:1", payload.Components![0].Components[0].CustomId);
    }

    [Fact]
    public void Render_ShownCitationsAboveMax_ClampsToMax()
    {
        var payload = AnswerRenderer.Render(new AnswerView(Answered(citations: Citations(30)), 5, null, ShownCitations: 25));

        Assert.Equal(AnswerRenderer.MaxShownCitations, payload.Embeds![0].Fields!.Count);
    }

    [Fact]
    public void Render_MaxCitationsWithLongTitlesAndCoreSizedAnswer_KeepsEveryField()
    {
        // Core caps answers at 400 chars and snippets at 240; titles here are far longer than real ones.
        var citations = Citations(12, n => Citation(n, snippet: Words(240), title: Words(300), url: "https://example.test/" + new string('p', 80)));
        var answer = Answered(Words(500, "why"), Words(400), citations: citations);

        var payload = AnswerRenderer.Render(new AnswerView(answer, 1, Index(), AnswerRenderer.MaxShownCitations));

        DiscordLimitsAssert.WithinLimits(payload);
        Assert.Equal(AnswerRenderer.MaxShownCitations, payload.Embeds![0].Fields!.Count);
    }

    [Theory]
    [InlineData(true, 3)]
    [InlineData(true, 25)]
    [InlineData(false, 3)]
    [InlineData(false, 25)]
    public void Render_HugeInputs_StaysWithinEveryLimit(bool answered, int shown)
    {
        var question = Words(500, "why*");
        var citations = Citations(20, n => Citation(
            n,
            snippet: Words(10_000, "snippet_" + n),
            title: Words(300, "**title**"),
            url: "https://example.test/" + new string('p', 300),
            highlights: [new TextSpan(0, 30), new TextSpan(5000, 40), new TextSpan(9990, 50)]));
        var answer = answered
            ? Answered(question, Words(10_000, "answer\\"), [new TextSpan(0, 20), new TextSpan(9000, 900)], citations)
            : NotAnswered(question, Words(5000, "sorry"), citations);

        var payload = AnswerRenderer.Render(new AnswerView(answer, long.MaxValue, Index(), shown));

        var json = DiscordLimitsAssert.WithinLimits(payload);
        var embed = json.GetProperty("embeds")[0];
        Assert.True(embed.GetProperty("fields").GetArrayLength() >= Math.Min(shown, 3));
        if (answered)
        {
            Assert.EndsWith("… [1]", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_MentionsInQuestionAndDocuments_AreNotRenderedAsMentions()
    {
        const string hostile = "@everyone <@123> <@&456> <#789> @here";
        var citation = Citation(1, snippet: hostile, title: hostile);
        var answers = new[] { Answered(hostile, hostile, citations: [citation]), NotAnswered(hostile, hostile, [citation]) };

        foreach (var answer in answers)
        {
            var json = JsonSerializer.Serialize(AnswerRenderer.Render(new AnswerView(answer, 1, Index())), DiscordJsonContext.Default.MessagePayload);
            var text = string.Join("\n", Strings(JsonDocument.Parse(json).RootElement));

            Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@here", text, StringComparison.Ordinal);
            foreach (var mention in new[] { "<@123", "<@&456", "<#789" })
            {
                var at = text.IndexOf(mention, StringComparison.Ordinal);
                for (; at >= 0; at = text.IndexOf(mention, at + 1, StringComparison.Ordinal))
                {
                    Assert.Equal('\\', text[at - 1]);
                }
            }
        }
    }

    private static MessagePayload Render(Answer answer) => AnswerRenderer.Render(new AnswerView(answer, null, null));

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
