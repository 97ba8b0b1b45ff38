using System.Globalization;
using System.Text.Json;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Tests.Fakes;

namespace IncidentBot.Slack.Tests.Integration;

/// <summary>
/// Buttons under an answer arrive as <c>interactive</c> <c>block_actions</c> envelopes (PROTOCOLS.md §7.3): a bare
/// ack at once, then the reply through the click's <c>response_url</c>.
/// </summary>
public sealed class SocketModeButtonTests
{
    private static readonly TimeSpan Wait = SocketModeHarness.Wait;

    [Fact]
    public async Task More_ForAStoredAnswer_BareAckThenEphemeralSourcesNotReplacingTheAnswer()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();
        var askId = await AskAsync(harness, connection);

        var (ack, post) = await ClickAsync(harness, connection, ActionIds.More, Value(askId) + ":1");

        Assert.Null(ack.Payload);
        Assert.Equal("ephemeral", SlackReply.ResponseType(post.Body));
        Assert.False(SlackReply.ReplaceOriginal(post.Body));
        var text = SlackReply.AllText(post.Body);
        Assert.True(
            text.Contains("No more sources", StringComparison.Ordinal) || text.Contains("Sources 4", StringComparison.Ordinal),
            "not a More sources page: " + post.Body.GetRawText());
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Helpful_ThenNotHelpful_RecordedThenChanged()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();
        var askId = await AskAsync(harness, connection);

        var (helpfulAck, helpful) = await ClickAsync(harness, connection, ActionIds.Helpful, Value(askId));
        var (_, again) = await ClickAsync(harness, connection, ActionIds.Helpful, Value(askId));
        var (_, changed) = await ClickAsync(harness, connection, ActionIds.NotHelpful, Value(askId));

        Assert.Null(helpfulAck.Payload);
        Assert.Contains("recorded", SlackReply.AllText(helpful.Body), StringComparison.Ordinal);
        Assert.Equal("ephemeral", SlackReply.ResponseType(helpful.Body));
        Assert.False(SlackReply.ReplaceOriginal(helpful.Body));
        Assert.Contains("recorded", SlackReply.AllText(again.Body), StringComparison.Ordinal);
        Assert.Contains("Changed your vote to not helpful", SlackReply.AllText(changed.Body), StringComparison.Ordinal);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Share_ForAStoredAnswer_PostsTheAnswerInChannelWithoutAShareButton()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();
        var askId = await AskAsync(harness, connection);

        var (ack, post) = await ClickAsync(harness, connection, ActionIds.Share, Value(askId), userId: "U024BE7LH");

        Assert.Null(ack.Payload);
        Assert.Equal("in_channel", SlackReply.ResponseType(post.Body));
        Assert.False(SlackReply.ReplaceOriginal(post.Body));
        var text = SlackReply.AllText(post.Body);
        Assert.Contains(SocketModeHarness.AnswerFragment, text, StringComparison.Ordinal);
        Assert.Contains("Shared by <@U024BE7LH>", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ActionIds.Share, SlackReply.ActionIds(post.Body));
        harness.AssertNoViolations();
    }

    [Theory]
    [InlineData(ActionIds.More, "987654:1")]
    [InlineData(ActionIds.Share, "987654")]
    public async Task Click_ForAnUnknownAsk_SaysTheAnswerIsTooOld(string actionId, string value)
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var (_, post) = await ClickAsync(harness, connection, actionId, value);

        Assert.Contains("too old", SlackReply.AllText(post.Body), StringComparison.Ordinal);
        Assert.Equal("ephemeral", SlackReply.ResponseType(post.Body));
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Click_NotOurs_BareAckAndNoPost()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var foreign = harness.Fake.BlockActionsPayload("someone_elses_button", "x");
        var id = await connection.SendEnvelopeAsync("interactive", foreign, acceptsResponsePayload: false);
        var ack = await connection.ExpectAckAsync(id, Wait);
        var viewSubmission = new System.Text.Json.Nodes.JsonObject { ["type"] = "view_submission", ["user"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "U111" } };
        var otherId = await connection.SendEnvelopeAsync("interactive", viewSubmission, acceptsResponsePayload: false);
        var otherAck = await connection.ExpectAckAsync(otherId, Wait);
        await harness.WaitForBackgroundIdleAsync();

        Assert.Null(ack.Payload);
        Assert.Null(otherAck.Payload);
        Assert.Empty(harness.Fake.ResponsePosts);
        harness.AssertNoViolations();
    }

    private static string Value(long askId) => askId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Asks the answerable question and returns the stored ask id from the answer's buttons.</summary>
    private static async Task<long> AskAsync(SocketModeHarness harness, FakeSocketConnection connection)
    {
        var (id, payload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion);
        return SlackReply.AskId(await harness.ReplyAsync(connection, id, payload));
    }

    /// <summary>Sends a click as an <c>interactive</c> envelope; returns its ack and the post to its response_url.</summary>
    private static async Task<(SocketAck Ack, ResponsePost Post)> ClickAsync(
        SocketModeHarness harness, FakeSocketConnection connection, string actionId, string value, string userId = SocketModeHarness.UserId)
    {
        var click = harness.Fake.BlockActionsPayload(actionId, value, userId);
        var id = await connection.SendEnvelopeAsync("interactive", click, acceptsResponsePayload: false);
        var ack = await connection.ExpectAckAsync(id, Wait);
        Assert.InRange(ack.At - connection.SentAt(id), TimeSpan.Zero, SocketModeHarness.AckDeadline);
        var post = await harness.Fake.WaitForResponsePostAsync(p => p.Url == SocketModeHarness.ResponseUrl(click), Wait);
        Assert.Equal(JsonValueKind.Object, post.Body.ValueKind);
        return (ack, post);
    }
}
