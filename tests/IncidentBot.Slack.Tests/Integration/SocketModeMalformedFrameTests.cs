using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Tests.Integration;

/// <summary>Frames the client cannot use are ignored; the same connection keeps answering.</summary>
public sealed class SocketModeMalformedFrameTests
{
    private static readonly TimeSpan Wait = SocketModeHarness.Wait;

    [Fact]
    public async Task Frames_Malformed_IgnoredAndTheConnectionKeepsAnswering()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        foreach (var frame in new[]
        {
            """{"type":""",
            "[]",
            "not json at all",
            "\"hello\"",
            "42",
            "{}",
            """{"type":"mystery"}""",
            """{"envelope_id":42,"type":"slash_commands","payload":{}}""",
            """{"envelope_id":"","type":"slash_commands","payload":{}}""",
            """{"type":"hello","num_connections":1}""",
        })
        {
            await connection.SendRawAsync(frame);
        }

        var (id, payload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion);
        var reply = await harness.ReplyAsync(connection, id, payload);

        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(reply), StringComparison.Ordinal);
        Assert.True(connection.IsOpen);
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.Equal(1, harness.OpenCalls);
        Assert.Equal(2, connection.Acks.Count); // The readiness probe's and the question's: nothing for the junk.
        Assert.Empty(connection.Unexpected);
        Assert.False(harness.Run.IsCompleted);
        harness.AssertNoViolations();
    }

    [Theory]
    [InlineData("""{"envelope_id":"env-no-payload","type":"slash_commands","accepts_response_payload":true}""")]
    [InlineData("""{"envelope_id":"env-no-payload","type":"slash_commands","payload":null,"accepts_response_payload":true}""")]
    [InlineData("""{"envelope_id":"env-no-payload","type":"slash_commands","payload":{"command":5,"user_id":["U1"]},"accepts_response_payload":true}""")]
    [InlineData("""{"envelope_id":"env-no-payload","type":"interactive","payload":"block_actions","accepts_response_payload":false}""")]
    public async Task Envelope_WithoutAUsablePayload_AckedBareAndTheConnectionKeepsAnswering(string envelope)
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        await connection.SendRawAsync(envelope);
        var bare = await connection.ExpectAckAsync("env-no-payload", Wait);
        var (id, payload) = await harness.SendCommandAsync(connection, "/ask", SocketModeHarness.AnswerableQuestion);
        var reply = await harness.ReplyAsync(connection, id, payload);
        await harness.WaitForBackgroundIdleAsync();

        // Acked so Slack does not redeliver it; there is nothing to answer.
        Assert.Null(bare.Payload);
        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(reply), StringComparison.Ordinal);
        Assert.True(connection.IsOpen);
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.Empty(harness.Fake.ResponsePosts);

        // The raw envelope was not sent through the fake's bookkeeping, so its ack is the only allowed complaint.
        Assert.All(harness.Fake.Violations, v => Assert.Contains("env-no-payload", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Envelope_OfAnUnknownType_AckedBare()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        var id = await connection.SendEnvelopeAsync("brand_new_type", new JsonObject { ["anything"] = 1 }, acceptsResponsePayload: false);
        var ack = await connection.ExpectAckAsync(id, Wait);

        Assert.Null(ack.Payload);
        Assert.InRange(ack.At - connection.SentAt(id), TimeSpan.Zero, SocketModeHarness.AckDeadline);
        harness.AssertNoViolations();
    }
}
