using System.Text.Json;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Tests.Integration;

/// <summary>
/// Slash commands over Socket Mode (PROTOCOLS.md §7.3): each <c>slash_commands</c> envelope is acknowledged on
/// its socket within 3 s, and the reply rides in the ack's <c>payload</c> when the envelope accepts one.
/// </summary>
public sealed class SocketModeCommandTests
{
    private static readonly TimeSpan Wait = SocketModeHarness.Wait;

    [Fact]
    public async Task Ask_AnswerableQuestion_AckCarriesEphemeralAnswerWithButtonsWithinThreeSeconds()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion);
        var ack = await connection.ExpectAckAsync(id, Wait);
        await harness.WaitForBackgroundIdleAsync();

        Assert.Equal(id, ack.EnvelopeId);
        Assert.Equal(id, SocketModeHarness.Parse(ack.Raw).GetProperty("envelope_id").GetString());
        Assert.InRange(ack.At - connection.SentAt(id), TimeSpan.Zero, SocketModeHarness.AckDeadline);
        Assert.True(ack.Payload.HasValue, "the answer did not ride on the ack: " + ack.Raw);
        var reply = ack.Payload.Value;
        Assert.Equal("ephemeral", SlackReply.ResponseType(reply));
        Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("text").GetString()), "no notification fallback text");
        Assert.Contains(SlackReply.SectionTexts(reply), t => t.Contains(SocketModeHarness.AnswerFragment, StringComparison.Ordinal));
        Assert.Equal("actions", SlackReply.BlockTypes(reply)[^1]);
        var buttons = SlackReply.ActionIds(reply);
        Assert.Equal(ActionIds.Share, buttons[0]);
        Assert.Contains(ActionIds.Helpful, buttons);
        Assert.Contains(ActionIds.NotHelpful, buttons);
        Assert.True(SlackReply.AskId(reply) > 0);
        Assert.Empty(harness.PostsTo(payload)); // Answered once, on the ack.
        Assert.Equal(1, await harness.CountAsksAsync());
        Assert.Single(connection.Acks, a => a.EnvelopeId == id);
        Assert.Empty(connection.Unexpected);
        harness.AssertNoViolations();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyText_AckCarriesUsageHelp(string text)
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/ask", text);
        var reply = await harness.ReplyAsync(connection, id, payload);

        Assert.Equal("ephemeral", SlackReply.ResponseType(reply));
        Assert.Contains("/ask How many users were targeted?", SlackReply.AllText(reply), StringComparison.Ordinal);
        Assert.Empty(SlackReply.ActionIds(reply));
        Assert.Equal(0, await harness.CountAsksAsync());
        harness.AssertNoViolations();
    }

    [Theory]
    [InlineData("<!channel> how many users were targeted?", "<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here> who won the cricket match?", "<!here>", "&lt;!here&gt;")]
    [InlineData("did <@U123> & co target users?", "<@U123>", "&lt;@U123&gt; &amp; co")]
    public async Task Ask_QuestionWithMentions_EscapedInTheAckPayload(string question, string raw, string escaped)
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/ask", question);
        var reply = await harness.ReplyAsync(connection, id, payload);

        var texts = SlackReply.AllText(reply);
        Assert.Contains(escaped, texts, StringComparison.Ordinal);
        Assert.DoesNotContain(raw, texts, StringComparison.Ordinal);
        Assert.DoesNotContain("<!", texts, StringComparison.Ordinal);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Ask_ManyEnvelopesAtOnce_EachAckedOnceWithItsOwnAnswerWithinThreeSeconds()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var sent = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            sent.Add((await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion, userId: $"U10{i}")).EnvelopeId);
        }

        var acks = new List<Fakes.SocketAck>();
        foreach (var id in sent)
        {
            acks.Add(await connection.ExpectAckAsync(id, Wait));
        }

        await harness.WaitForBackgroundIdleAsync();

        Assert.All(sent, id => Assert.InRange(acks.Single(a => a.EnvelopeId == id).At - connection.SentAt(id), TimeSpan.Zero, SocketModeHarness.AckDeadline));
        Assert.Equal(sent.Count, connection.Acks.Count(a => sent.Contains(a.EnvelopeId)));
        var askIds = acks.Select(a => a.Payload.HasValue ? SlackReply.AskId(a.Payload.Value) : 0).ToList();
        var answeredInline = askIds.Count(a => a > 0);
        Assert.Equal(sent.Count, answeredInline + harness.Fake.ResponsePosts.Count);
        Assert.Equal(answeredInline, askIds.Where(a => a > 0).Distinct().Count());
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Ask_EnvelopeNotAcceptingAPayload_BareAckThenAnswerOnTheResponseUrl()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion, acceptsResponsePayload: false);
        var ack = await connection.ExpectAckAsync(id, Wait);
        var post = await harness.Fake.WaitForResponsePostAsync(p => p.Url == SocketModeHarness.ResponseUrl(payload), Wait);
        await harness.WaitForBackgroundIdleAsync();

        Assert.Null(ack.Payload);
        Assert.InRange(ack.At - connection.SentAt(id), TimeSpan.Zero, SocketModeHarness.AckDeadline);
        Assert.Equal("ephemeral", SlackReply.ResponseType(post.Body));
        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(post.Body), StringComparison.Ordinal);
        Assert.Single(harness.PostsTo(payload));
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Ask_OverThePerUserLimit_PoliteNoticeInsteadOfAnAnswer()
    {
        await using var harness = await SocketModeHarness.StartAsync(config: [new("Slack:QuestionsPerWindow", "2"), new("Slack:QuestionWindowSeconds", "600")]);
        var connection = await harness.ConnectReadyAsync();

        var replies = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            var (id, payload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion);
            replies.Add(await harness.ReplyAsync(connection, id, payload));
        }

        var (otherId, otherPayload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion, userId: "U222");
        var other = await harness.ReplyAsync(connection, otherId, otherPayload);

        Assert.All(replies.Take(2), r => Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(r), StringComparison.Ordinal));
        Assert.Contains("asking quickly", SlackReply.AllText(replies[2]), StringComparison.Ordinal);
        Assert.Equal("ephemeral", SlackReply.ResponseType(replies[2]));
        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(other), StringComparison.Ordinal);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Reindex_ByANonAdmin_PoliteRefusal()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/incident-reindex", "force", userId: SocketModeHarness.UserId);
        var reply = await harness.ReplyAsync(connection, id, payload);

        Assert.Equal("ephemeral", SlackReply.ResponseType(reply));
        Assert.Contains("only the bot's admins", SlackReply.AllText(reply), StringComparison.Ordinal);
        Assert.Contains(harness.Logs.Lines, l => l.Message.Contains("Refused /incident-reindex", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Message.Contains("asked to reindex", StringComparison.Ordinal));
        harness.AssertNoViolations();
    }

    [Theory]
    [InlineData("", "Index unchanged")]
    [InlineData("force", "Index rebuilt")]
    public async Task Reindex_ByTheAdmin_ReportsTheResult(string text, string expected)
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/incident-reindex", text, userId: SocketModeHarness.AdminUserId);
        var reply = await harness.ReplyAsync(connection, id, payload);
        await harness.WaitForBackgroundIdleAsync();

        Assert.Equal("ephemeral", SlackReply.ResponseType(reply));
        Assert.Contains(expected, SlackReply.AllText(reply), StringComparison.Ordinal);
        Assert.True(harness.PostsTo(payload).Count <= 1);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Ask_EphemeralByDefaultOff_InChannelAnswerWithoutAShareButton()
    {
        await using var harness = await SocketModeHarness.StartAsync(config: [new("Slack:EphemeralByDefault", "false")]);
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion);
        var reply = await harness.ReplyAsync(connection, id, payload);

        Assert.Equal("in_channel", SlackReply.ResponseType(reply));
        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(reply), StringComparison.Ordinal);
        Assert.DoesNotContain(ActionIds.Share, SlackReply.ActionIds(reply));
        Assert.Contains(ActionIds.Helpful, SlackReply.ActionIds(reply));
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Ask_RenamedCommand_AnsweredUnderTheNewNameOnly()
    {
        await using var harness = await SocketModeHarness.StartAsync(config: [new("Slack:AskCommand", "/why")]);
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/why", SocketModeHarness.AnswerableQuestion);
        var renamed = await harness.ReplyAsync(connection, id, payload);
        var (oldId, oldPayload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion);
        var old = await harness.ReplyAsync(connection, oldId, oldPayload);

        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(renamed), StringComparison.Ordinal);
        Assert.DoesNotContain(SocketModeHarness.AnswerFragment, SlackReply.AllText(old), StringComparison.Ordinal);
        Assert.Contains("/why", SlackReply.AllText(old), StringComparison.Ordinal);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Sources_ListsTheSeedDocument()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/incident-sources", "");
        var reply = await harness.ReplyAsync(connection, id, payload);

        Assert.Equal("ephemeral", SlackReply.ResponseType(reply));
        var text = SlackReply.AllText(reply);
        // The renderer swaps '_' for a look-alike so mrkdwn cannot turn it into italics; the id part is intact.
        Assert.True(text.Contains("43178d05d4589019.txt", StringComparison.Ordinal), text);
        Assert.Contains("10 paragraphs", text, StringComparison.Ordinal);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task UnknownCommand_AckedWithTheBotsCommandNames()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/hello-socket-mode", "");
        var reply = await harness.ReplyAsync(connection, id, payload);

        var text = SlackReply.AllText(reply);
        Assert.Contains("/ask", text, StringComparison.Ordinal);
        Assert.Contains("/incident-sources", text, StringComparison.Ordinal);
        Assert.Contains("/incident-reindex", text, StringComparison.Ordinal);
        harness.AssertNoViolations();
    }
}
