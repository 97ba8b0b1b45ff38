using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.SocketMode;

/// <summary>
/// The envelope handler over a real responder, handler, index and store; acks go to a recording acker and
/// <c>response_url</c> posts to a recording HTTP stub; time is fake.
/// </summary>
public sealed class SocketEnvelopeHandlerTests : IndexHarnessTests
{
    private const string Question = "How many users were targeted?";
    private static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Handle_SlashCommandAcceptingPayload_OneAckCarryingTheReply()
    {
        using var rig = new SlackRig(Harness);
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);
        var start = rig.Time.GetUtcNow();

        handler.Handle(TestPayloads.Envelope("env-1", "slash_commands", TestPayloads.SlashPayload("/ask", Question), acceptsResponsePayload: true), acker);
        await rig.WaitForBackgroundAsync();

        var ack = Assert.Single(acker.Acks);
        Assert.Equal("env-1", ack.EnvelopeId);
        Assert.NotNull(ack.Payload);
        Assert.Contains("1,400", ack.Payload.Text, StringComparison.Ordinal);
        Assert.NotEmpty(MessageJson.Buttons(MessageJson.Parse(ack.Payload)));
        Assert.InRange(ack.At - start, TimeSpan.Zero, AckDeadline);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task Handle_SampleEnvelope_AckedWithTheUnknownCommandNotice()
    {
        using var rig = new SlackRig(Harness);
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);
        var envelope = IncidentBot.Slack.SocketMode.SocketEnvelope.From(SampleFiles.ReadElement(SampleFiles.SlashCommandsEnvelope))!;

        handler.Handle(envelope, acker);
        await rig.WaitForBackgroundAsync();

        var ack = Assert.Single(acker.Acks);
        Assert.Equal("1d3c79ab-0ffb-41f3-a080-d19e85f53649", ack.EnvelopeId);
        Assert.Contains("/hello-socket-mode", ack.Payload?.Text, StringComparison.Ordinal);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task Handle_SlowSlashCommand_BareAckInTimeThenReplyPostedToResponseUrl()
    {
        using var rig = new SlackRig(Harness, o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);
        using var busy = await Harness.HoldIndexBuildAsync();
        var start = rig.Time.GetUtcNow();

        handler.Handle(
            TestPayloads.Envelope("env-slow", "slash_commands", TestPayloads.SlashPayload("/incident-reindex", "", TestPayloads.AdminUserId), acceptsResponsePayload: true),
            acker);
        await rig.Time.AdvanceUntilAsync(() => acker.Count > 0, TimeSpan.FromMilliseconds(100), "the envelope is acked");

        var ack = Assert.Single(acker.Acks);
        Assert.Equal("env-slow", ack.EnvelopeId);
        Assert.Null(ack.Payload);
        Assert.InRange(ack.At - start, TimeSpan.Zero, AckDeadline);
        Assert.Equal(0, rig.Http.Count);

        await busy.ReleaseAsync();
        await rig.WaitForBackgroundAsync();

        var post = Assert.Single(rig.Http.Requests);
        Assert.Equal(TestPayloads.CommandResponseUrl, post.Uri.AbsoluteUri);
        Assert.Contains("Index", MessageJson.Parse(post.Body!).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_SlashCommandNotAcceptingPayload_BareAckThenReplyPosted()
    {
        using var rig = new SlackRig(Harness);
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);

        handler.Handle(TestPayloads.Envelope("env-2", "slash_commands", TestPayloads.SlashPayload("/ask", Question), acceptsResponsePayload: false), acker);
        await rig.WaitForBackgroundAsync();

        Assert.Null(Assert.Single(acker.Acks).Payload);
        var post = Assert.Single(rig.Http.Requests);
        Assert.Equal(TestPayloads.CommandResponseUrl, post.Uri.AbsoluteUri);
        Assert.Contains("1,400", MessageJson.Parse(post.Body!).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_InteractiveBlockActions_BareAckThenResponseUrlPost()
    {
        using var rig = new SlackRig(Harness);
        var askId = MessageJson.AskId(await rig.Handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);
        var click = TestPayloads.ClickNode(TestPayloads.UserId, (ActionIds.Helpful, askId.ToString(CultureInfo.InvariantCulture)));

        handler.Handle(TestPayloads.Envelope("env-click", "interactive", click, acceptsResponsePayload: false), acker);
        await rig.WaitForBackgroundAsync();

        var ack = Assert.Single(acker.Acks);
        Assert.Equal("env-click", ack.EnvelopeId);
        Assert.Null(ack.Payload);
        var post = Assert.Single(rig.Http.Requests);
        Assert.Equal(TestPayloads.ActionResponseUrl, post.Uri.AbsoluteUri);
        Assert.Equal("Thanks: recorded as helpful.", MessageJson.Parse(post.Body!).GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("view_submission")]
    [InlineData("shortcut")]
    public async Task Handle_InteractiveNotBlockActions_BareAckOnly(string type)
    {
        using var rig = new SlackRig(Harness);
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);
        var payload = TestPayloads.ClickNode(TestPayloads.UserId, (ActionIds.Helpful, "1"));
        payload["type"] = type;

        handler.Handle(TestPayloads.Envelope("env-view", "interactive", payload, acceptsResponsePayload: false), acker);
        await rig.WaitForBackgroundAsync();

        Assert.Null(Assert.Single(acker.Acks).Payload);
        Assert.Equal(0, rig.Http.Count);
    }

    [Theory]
    [InlineData("events_api")]
    [InlineData("something_new")]
    [InlineData("")]
    public async Task Handle_OtherEnvelopeTypes_BareAckOnly(string type)
    {
        using var rig = new SlackRig(Harness);
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);
        var payload = new JsonObject { ["type"] = "event_callback", ["event"] = new JsonObject { ["type"] = "app_mention", ["text"] = "<@U0BOT> hi" } };

        handler.Handle(TestPayloads.Envelope("env-event", type, payload, acceptsResponsePayload: false), acker);
        await rig.WaitForBackgroundAsync();

        var ack = Assert.Single(acker.Acks);
        Assert.Equal("env-event", ack.EnvelopeId);
        Assert.Null(ack.Payload);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task Handle_SlashCommandRedelivered_AckedTwiceAnsweredOnce()
    {
        using var rig = new SlackRig(Harness);
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);
        var payload = TestPayloads.SlashPayload("/ask", Question);

        handler.Handle(TestPayloads.Envelope("env-dup", "slash_commands", payload, acceptsResponsePayload: true), acker);
        await rig.WaitForBackgroundAsync();
        handler.Handle(TestPayloads.Envelope("env-dup", "slash_commands", payload.DeepClone(), acceptsResponsePayload: true, retryAttempt: 1), acker);
        await rig.WaitForBackgroundAsync();

        Assert.Equal(["env-dup", "env-dup"], acker.Acks.Select(a => a.EnvelopeId));
        Assert.Single(acker.Acks, a => a.Payload is not null);
        Assert.Null(acker.Acks[1].Payload);
        Assert.Equal(0, rig.Http.Count);

        // The handler ran once: no second question was stored.
        var askId = MessageJson.AskId(acker.Acks[0].Payload!);
        Assert.NotNull(await Harness.Store.FindAskAsync(askId, CancellationToken.None));
        Assert.Null(await Harness.Store.FindAskAsync(askId + 1, CancellationToken.None));
    }

    [Fact]
    public async Task Handle_SlashCommandRedeliveredWhileTheFirstIsStillRunning_AnsweredOnce()
    {
        using var rig = new SlackRig(Harness, o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);
        using var busy = await Harness.HoldIndexBuildAsync();
        var payload = TestPayloads.SlashPayload("/incident-reindex", "", TestPayloads.AdminUserId);

        handler.Handle(TestPayloads.Envelope("env-dup2", "slash_commands", payload, acceptsResponsePayload: true), acker);
        handler.Handle(TestPayloads.Envelope("env-dup2", "slash_commands", payload.DeepClone(), acceptsResponsePayload: true, retryAttempt: 1), acker);
        await rig.Time.AdvanceUntilAsync(() => acker.Count == 2, TimeSpan.FromMilliseconds(100), "both deliveries are acked");
        await busy.ReleaseAsync();
        await rig.WaitForBackgroundAsync();

        Assert.All(acker.Acks, a => Assert.Equal("env-dup2", a.EnvelopeId));
        Assert.All(acker.Acks, a => Assert.Null(a.Payload));
        Assert.Single(rig.Http.Requests);
    }

    [Fact]
    public async Task Handle_ClickRedelivered_AckedTwicePostedOnce()
    {
        using var rig = new SlackRig(Harness);
        var askId = MessageJson.AskId(await rig.Handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);
        var click = TestPayloads.ClickNode(TestPayloads.UserId, (ActionIds.Share, askId.ToString(CultureInfo.InvariantCulture)));

        handler.Handle(TestPayloads.Envelope("env-click2", "interactive", click, acceptsResponsePayload: false), acker);
        await rig.WaitForBackgroundAsync();
        handler.Handle(TestPayloads.Envelope("env-click2", "interactive", click.DeepClone(), acceptsResponsePayload: false, retryAttempt: 1), acker);
        await rig.WaitForBackgroundAsync();

        Assert.Equal(2, acker.Count);
        Assert.All(acker.Acks, a => Assert.Null(a.Payload));
        var post = Assert.Single(rig.Http.Requests);
        Assert.Equal("in_channel", MessageJson.ResponseType(MessageJson.Parse(post.Body!)));
    }

    [Fact]
    public async Task Handle_DifferentEnvelopeIds_EachAnswered()
    {
        using var rig = new SlackRig(Harness);
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);

        handler.Handle(TestPayloads.Envelope("env-a", "slash_commands", TestPayloads.SlashPayload("/ask", Question), acceptsResponsePayload: true), acker);
        handler.Handle(TestPayloads.Envelope("env-b", "slash_commands", TestPayloads.SlashPayload("/incident-sources", ""), acceptsResponsePayload: true), acker);
        await rig.WaitForBackgroundAsync();

        Assert.Equal(2, acker.Count);
        Assert.All(acker.Acks, a => Assert.NotNull(a.Payload));
    }

    [Theory]
    [InlineData("command")]
    [InlineData("user_id")]
    public async Task Handle_MalformedSlashPayload_BareAck(string missing)
    {
        using var rig = new SlackRig(Harness);
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);
        var payload = TestPayloads.SlashPayload("/ask", Question);
        payload.Remove(missing);

        handler.Handle(TestPayloads.Envelope("env-bad", "slash_commands", payload, acceptsResponsePayload: true), acker);
        await rig.WaitForBackgroundAsync();

        var ack = Assert.Single(acker.Acks);
        Assert.Equal("env-bad", ack.EnvelopeId);
        Assert.Null(ack.Payload);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task Handle_SlashEnvelopeWithoutPayload_BareAck()
    {
        using var rig = new SlackRig(Harness);
        var handler = rig.CreateEnvelopeHandler();
        var acker = new RecordingAcker(rig.Time);

        handler.Handle(TestPayloads.Envelope("env-nopayload", "slash_commands", null, acceptsResponsePayload: true), acker);
        await rig.WaitForBackgroundAsync();

        Assert.Null(Assert.Single(acker.Acks).Payload);
    }
}
