using System.Text.Json;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.SocketMode;
using IncidentBot.Slack.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Slack.Tests.Unit.SocketMode;

/// <summary>One Socket Mode connection over an in-memory transport (no socket): hello, acks, disconnects, drops.</summary>
public sealed class SocketModeConnectionTests : IndexHarnessTests
{
    private const string Question = "How many users were targeted?";
    private static readonly Uri Url = new("wss://wss-primary.slack.test/link/?ticket=1");

    [Fact]
    public async Task OpenAsync_HelloFirst_Ready()
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport();
        await using var connection = new SocketModeConnection(transport, rig.CreateEnvelopeHandler(), NullLogger.Instance);
        transport.Deliver(SampleFiles.ReadText("slack_socket_mode_hello.json"));

        Assert.True(await connection.OpenAsync(Url, TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.Equal(Url, transport.ConnectedTo);
        Assert.False(connection.Ended.IsCompleted);
    }

    [Theory]
    [InlineData("""{"type":"disconnect","reason":"refresh_requested"}""")]
    [InlineData("""{"envelope_id":"e1","type":"events_api"}""")]
    [InlineData("not json")]
    public async Task OpenAsync_FirstMessageNotHello_NotReady(string first)
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport();
        await using var connection = new SocketModeConnection(transport, rig.CreateEnvelopeHandler(), NullLogger.Instance);
        transport.Deliver(first);

        Assert.False(await connection.OpenAsync(Url, TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [Fact]
    public async Task OpenAsync_ClosedBeforeHello_NotReady()
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport();
        await using var connection = new SocketModeConnection(transport, rig.CreateEnvelopeHandler(), NullLogger.Instance);
        transport.Drop();

        Assert.False(await connection.OpenAsync(Url, TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [Fact]
    public async Task OpenAsync_ConnectFails_NotReadyNoThrow()
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport { ConnectFailure = new System.Net.WebSockets.WebSocketException("refused") };
        await using var connection = new SocketModeConnection(transport, rig.CreateEnvelopeHandler(), NullLogger.Instance);

        Assert.False(await connection.OpenAsync(Url, TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [Fact]
    public async Task AckAsync_Bare_OnlyTheEnvelopeId()
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport();
        await using var connection = new SocketModeConnection(transport, rig.CreateEnvelopeHandler(), NullLogger.Instance);

        await connection.AckAsync("1d3c79ab-0ffb-41f3-a080-d19e85f53649", null, CancellationToken.None);

        Assert.Equal("""{"envelope_id":"1d3c79ab-0ffb-41f3-a080-d19e85f53649"}""", Assert.Single(transport.Sent));
    }

    [Fact]
    public async Task AckAsync_WithPayload_TheMessageAsPayload()
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport();
        await using var connection = new SocketModeConnection(transport, rig.CreateEnvelopeHandler(), NullLogger.Instance);

        await connection.AckAsync("e1", new SlackMessage { Text = "Searching the incident index..." }, CancellationToken.None);

        using var ack = JsonDocument.Parse(Assert.Single(transport.Sent));
        var composed = SampleFiles.ReadElement("slack_socket_mode_ack_composed.json");
        Assert.Equal("e1", ack.RootElement.GetProperty("envelope_id").GetString());
        Assert.Equal(composed.GetProperty("payload").GetProperty("response_type").GetString(), ack.RootElement.GetProperty("payload").GetProperty("response_type").GetString());
        Assert.Equal(composed.GetProperty("payload").GetProperty("text").GetString(), ack.RootElement.GetProperty("payload").GetProperty("text").GetString());
    }

    [Fact]
    public async Task AckAsync_SendFails_ConnectionEndsNoThrow()
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport { FailSends = true };
        await using var connection = new SocketModeConnection(transport, rig.CreateEnvelopeHandler(), NullLogger.Instance);

        await connection.AckAsync("e1", null, CancellationToken.None);

        var end = await connection.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(end.Requested);
    }

    [Fact]
    public async Task Receive_SlashCommandEnvelope_AckedOnTheSameSocketWithTheReply()
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport();
        await using var connection = await OpenAsync(rig, transport);

        transport.Deliver(TestPayloads.EnvelopeJson("e-ask", "slash_commands", TestPayloads.SlashPayload("/ask", Question), acceptsResponsePayload: true));
        await FakeClock.WaitUntilAsync(() => transport.Sent.Count == 1, "the envelope is acked");

        using var ack = JsonDocument.Parse(transport.Sent[0]);
        Assert.Equal("e-ask", ack.RootElement.GetProperty("envelope_id").GetString());
        Assert.Contains("1,400", ack.RootElement.GetProperty("payload").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("refresh_requested", false)]
    [InlineData("warning", false)]
    [InlineData("too_many_websockets", false)]
    [InlineData("link_disabled", true)]
    public async Task Receive_Disconnect_EndedAsRequested(string reason, bool fatal)
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport();
        await using var connection = await OpenAsync(rig, transport);

        transport.Deliver($$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"applink-111-xxx"}}""");
        var end = await connection.Ended.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(end.Requested);
        Assert.Equal(reason, end.Reason);
        Assert.Equal(fatal, end.IsFatal);
    }

    [Fact]
    public async Task Receive_EnvelopeAfterDisconnectRequest_StillAcked()
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport();
        await using var connection = await OpenAsync(rig, transport);

        transport.Deliver("""{"type":"disconnect","reason":"warning"}""");
        transport.Deliver("""{"envelope_id":"late","type":"events_api","payload":{}}""");
        await connection.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        await FakeClock.WaitUntilAsync(() => transport.Sent.Count == 1, "the late envelope is acked");

        Assert.Equal("""{"envelope_id":"late"}""", transport.Sent[0]);
    }

    [Fact]
    public async Task Receive_Dropped_EndedNotRequested()
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport();
        await using var connection = await OpenAsync(rig, transport);

        transport.Drop();
        var end = await connection.Ended.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(end.Requested);
        Assert.False(end.IsFatal);
    }

    [Fact]
    public async Task Receive_GarbageThenEnvelope_GarbageIgnored()
    {
        using var rig = new SlackRig(Harness);
        var transport = new ScriptedTransport();
        await using var connection = await OpenAsync(rig, transport);

        transport.Deliver("{not json");
        transport.Deliver("[1,2,3]");
        transport.Deliver("\"text\"");
        transport.Deliver("""{"type":"something_new"}""");
        transport.Deliver("""{"type":"hello"}""");
        transport.Deliver("""{"envelope_id":"after-garbage","type":"events_api"}""");
        await FakeClock.WaitUntilAsync(() => transport.Sent.Count == 1, "the envelope is acked");

        Assert.Equal("""{"envelope_id":"after-garbage"}""", Assert.Single(transport.Sent));
        Assert.False(connection.Ended.IsCompleted);
    }

    [Fact]
    public async Task Redelivery_AfterTheFirstAckCarryingTheReplyWasLost_TheReplyStillReachesTheUser()
    {
        // The socket drops while the ack carrying the answer is sent: Slack never got it, so it redelivers the
        // envelope (retry_attempt 1) on the next connection. The user has seen no answer yet, so the redelivery
        // must still deliver one (in its ack, or through response_url): "not answered twice" is not "not answered".
        using var rig = new SlackRig(Harness);
        var handler = rig.CreateEnvelopeHandler();
        var broken = new ScriptedTransport { FailSends = true };
        await using var first = new SocketModeConnection(broken, handler, NullLogger.Instance);
        var payload = TestPayloads.SlashPayload("/ask", Question);

        handler.Handle(TestPayloads.Envelope("e-lost", "slash_commands", payload, acceptsResponsePayload: true), first);
        await first.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        await rig.WaitForBackgroundAsync();

        var acker = new RecordingAcker(rig.Time);
        handler.Handle(TestPayloads.Envelope("e-lost", "slash_commands", payload.DeepClone(), acceptsResponsePayload: true, retryAttempt: 1), acker);
        await rig.WaitForBackgroundAsync();

        var ack = Assert.Single(acker.Acks);
        var answeredInAck = ack.Payload?.Text.Contains("1,400", StringComparison.Ordinal) == true;
        var answeredByPost = rig.PostsTo(TestPayloads.CommandResponseUrl).Any(p => p.Body!.Contains("1,400", StringComparison.Ordinal));
        Assert.True(answeredInAck || answeredByPost, "the only answer went out on the ack that failed; the redelivery got a bare ack and no reply");
    }

    private static async Task<SocketModeConnection> OpenAsync(SlackRig rig, ScriptedTransport transport)
    {
        var connection = new SocketModeConnection(transport, rig.CreateEnvelopeHandler(), NullLogger.Instance);
        transport.Deliver("""{"type":"hello","num_connections":1}""");
        Assert.True(await connection.OpenAsync(Url, TimeSpan.FromSeconds(10), CancellationToken.None));
        return connection;
    }
}
