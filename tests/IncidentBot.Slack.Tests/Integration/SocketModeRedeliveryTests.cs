using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Tests.Fakes;

namespace IncidentBot.Slack.Tests.Integration;

/// <summary>
/// Delivery is at least once (PROTOCOLS.md §7.3): a redelivered envelope (same <c>envelope_id</c>,
/// <c>retry_attempt</c> 1) is acknowledged again, but the question is not answered twice.
/// </summary>
public sealed class SocketModeRedeliveryTests
{
    private static readonly TimeSpan Wait = SocketModeHarness.Wait;

    [Fact]
    public async Task Redelivery_OfAnAnsweredAsk_AckedAgainWithoutASecondAnswer()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion);
        var first = await connection.ExpectAckAsync(id, Wait);
        await connection.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true, retryAttempt: 1, retryReason: "timeout", envelopeId: id);
        var second = await connection.ExpectAckAsync(id, Wait);
        await harness.WaitForBackgroundIdleAsync();

        Assert.True(first.Payload.HasValue, "the first delivery was not answered on its ack: " + first.Raw);
        Assert.NotSame(first, second);
        Assert.InRange(second.At - connection.SentAt(id), TimeSpan.Zero, SocketModeHarness.AckDeadline);
        Assert.Equal(1, AnswersIn(connection.Acks) + harness.PostsTo(payload).Count);
        Assert.Equal(1, await harness.CountAsksAsync());
        Assert.Contains(harness.Logs.Lines, l => l.Message.Contains("redelivered", StringComparison.Ordinal));
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Redelivery_NeverSeenBefore_IsAnswered()
    {
        // After a restart the bot has not seen the first delivery: the retry is all it gets, and must be answered.
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var payload = harness.Fake.SlashCommandPayload("/ask", SocketModeHarness.AnswerableQuestion);
        var id = await connection.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true, retryAttempt: 1, retryReason: "timeout");
        var reply = await harness.ReplyAsync(connection, id, payload);

        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(reply), StringComparison.Ordinal);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Redelivery_OfAnAskAnsweredOnTheResponseUrl_OnePostOnly()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (id, payload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion, acceptsResponsePayload: false);
        await connection.ExpectAckAsync(id, Wait);
        await harness.Fake.WaitForResponsePostAsync(p => p.Url == SocketModeHarness.ResponseUrl(payload), Wait);
        await connection.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: false, retryAttempt: 1, retryReason: "timeout", envelopeId: id);
        var second = await connection.ExpectAckAsync(id, Wait);
        await harness.WaitForBackgroundIdleAsync();

        Assert.Null(second.Payload);
        Assert.Single(harness.PostsTo(payload));
        Assert.Equal(0, AnswersIn(connection.Acks));
        Assert.Equal(1, await harness.CountAsksAsync());
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Redelivery_OfASlowAsk_BareAcksAndOneResponseUrlPost()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();
        JsonObject payload;
        await using (await harness.LockDatabaseAsync())
        {
            // Recording the question waits for the lock, past the 2 s the bot allows itself before a bare ack.
            string id;
            (id, payload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion);
            var first = await connection.ExpectAckAsync(id, Wait);
            var firstSentAt = connection.SentAt(id);
            await connection.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true, retryAttempt: 1, retryReason: "timeout", envelopeId: id);
            var second = await connection.ExpectAckAsync(id, Wait);

            Assert.Null(first.Payload);
            Assert.Null(second.Payload);
            Assert.InRange(first.At - firstSentAt, TimeSpan.Zero, SocketModeHarness.AckDeadline);
            Assert.InRange(second.At - connection.SentAt(id), TimeSpan.Zero, SocketModeHarness.AckDeadline);
            Assert.Empty(harness.PostsTo(payload));
        }

        var post = await harness.Fake.WaitForResponsePostAsync(p => p.Url == SocketModeHarness.ResponseUrl(payload), Wait);
        await harness.WaitForBackgroundIdleAsync();

        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(post.Body), StringComparison.Ordinal);
        Assert.Single(harness.PostsTo(payload));
        Assert.Equal(0, AnswersIn(connection.Acks));
        Assert.Equal(1, await harness.CountAsksAsync());
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Redelivery_OnTheNewConnectionAfterARefresh_AckedThereWithoutASecondAnswer()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var old = await harness.ConnectReadyAsync();
        var (id, payload) = await harness.SendCommandAsync(old, "/ask", SocketModeHarness.AnswerableQuestion);
        await old.ExpectAckAsync(id, Wait);

        await old.SendDisconnectAsync("refresh_requested");
        var fresh = await harness.NextConnectionAsync();
        await fresh.SendHelloAsync();
        await old.WaitForClientCloseAsync(Wait);
        await fresh.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true, retryAttempt: 1, retryReason: "timeout", envelopeId: id);
        var again = await fresh.ExpectAckAsync(id, Wait);
        await harness.WaitForBackgroundIdleAsync();

        Assert.Null(again.Payload);
        Assert.Equal(1, AnswersIn([.. old.Acks, .. fresh.Acks]) + harness.PostsTo(payload).Count);
        Assert.Equal(1, await harness.CountAsksAsync());
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Redelivery_OfAButtonClick_OnePost()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();
        var (askEnvelope, askPayload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion);
        var askId = SlackReply.AskId(await harness.ReplyAsync(connection, askEnvelope, askPayload));

        var click = harness.Fake.BlockActionsPayload(ActionIds.Helpful, askId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var id = await connection.SendEnvelopeAsync("interactive", click, acceptsResponsePayload: false);
        await connection.ExpectAckAsync(id, Wait);
        await harness.Fake.WaitForResponsePostAsync(p => p.Url == SocketModeHarness.ResponseUrl(click), Wait);
        await connection.SendEnvelopeAsync("interactive", click, acceptsResponsePayload: false, retryAttempt: 1, retryReason: "timeout", envelopeId: id);
        var again = await connection.ExpectAckAsync(id, Wait);
        await harness.WaitForBackgroundIdleAsync();

        Assert.Null(again.Payload);
        Assert.Single(harness.PostsTo(click));
        harness.AssertNoViolations();
    }

    /// <summary>
    /// Slack asks to refresh while an answer is still being worked out for an envelope on the old connection. When
    /// the bot closes the old connection before that ack is out, Slack never got it and redelivers the envelope on
    /// the new one: the user must still get the answer exactly once (on the redelivery's ack or through the
    /// response_url), not a bare ack for a question that was never answered.
    /// </summary>
    [Fact]
    public async Task Disconnect_AnswerStillInFlightOnTheOldConnection_StillReachesTheUserOnce()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var old = await harness.ConnectReadyAsync();
        string id;
        JsonObject payload;
        FakeSocketConnection fresh;
        await using (await harness.LockDatabaseAsync())
        {
            (id, payload) = await harness.SendCommandAsync(old, "/ask", SocketModeHarness.AnswerableQuestion);
            await old.SendDisconnectAsync("refresh_requested");
            fresh = await harness.NextConnectionAsync();
            await fresh.SendHelloAsync();
            await SocketModeHarness.ProbeAsync(fresh);

            // A bot that keeps the old socket a while acks there; one that drops it at once must not lose the answer.
            try
            {
                await old.WaitForClientCloseAsync(TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException)
            {
            }
        }

        SocketAck? onOld;
        try
        {
            onOld = await old.ExpectAckAsync(id, Wait);
        }
        catch (InvalidOperationException)
        {
            onOld = null; // The old connection closed without this ack: Slack redelivers on the new one.
        }

        if (onOld is null)
        {
            await fresh.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true, retryAttempt: 1, retryReason: "timeout", envelopeId: id);
            await fresh.ExpectAckAsync(id, Wait);
        }

        await harness.WaitForBackgroundIdleAsync();

        var answers = AnswersIn([.. old.Acks, .. fresh.Acks]) + harness.PostsTo(payload).Count;
        Assert.True(
            answers == 1,
            $"the question was answered {answers} times (acks on the old connection: {string.Join(" | ", old.Acks)}; on the new: {string.Join(" | ", fresh.Acks)}; response_url posts: {harness.PostsTo(payload).Count}). Logs:{Environment.NewLine}{harness.Logs.Dump()}");
    }

    /// <summary>Acks whose payload is an answer (it has the answer's buttons).</summary>
    private static int AnswersIn(IEnumerable<SocketAck> acks) =>
        acks.Count(a => a.Payload is { } p && p.ValueKind == JsonValueKind.Object && SlackReply.ActionIds(p).Contains(ActionIds.Helpful));
}
