using System.Text.Json;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.Commands;

/// <summary>
/// The responder on a real handler, index and store; <c>response_url</c> posts go to a recording stub and time is
/// fake, so "slow" means "not finished when the fake clock reaches the reply deadline".
/// </summary>
public sealed class SlackResponderTests : IndexHarnessTests
{
    private const string Question = "How many users were targeted?";

    [Fact]
    public async Task RespondToCommandAsync_FastReply_ReturnedAndNothingPosted()
    {
        using var rig = new SlackRig(Harness);

        var reply = await rig.Responder.RespondToCommandAsync(TestPayloads.Ask(Question), rig.Time.GetUtcNow(), CancellationToken.None);

        Assert.NotNull(reply);
        Assert.Contains("1,400", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, rig.Background.Count);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task RespondToCommandAsync_SlowReply_NullThenPostedToTheResponseUrl()
    {
        using var rig = new SlackRig(Harness, o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        rig.Responder.ReplyWithinOverride = TimeSpan.FromMilliseconds(50);
        using var busy = await Harness.HoldIndexBuildAsync();

        // /incident-reindex by an admin waits for the build already running.
        var command = TestPayloads.Command("/incident-reindex", "", TestPayloads.AdminUserId);
        var respond = rig.Responder.RespondToCommandAsync(command, rig.Time.GetUtcNow(), CancellationToken.None);
        var reply = await rig.Time.AdvanceUntilDoneAsync(respond, TimeSpan.FromMilliseconds(50));

        Assert.Null(reply);
        Assert.Equal(0, rig.Http.Count);
        Assert.Equal(1, rig.Background.Count);

        await busy.ReleaseAsync();
        await rig.Background.DrainAsync(TimeSpan.FromSeconds(30));

        var post = Assert.Single(rig.Http.Requests);
        Assert.Equal(HttpMethod.Post, post.Method);
        Assert.Equal(TestPayloads.CommandResponseUrl, post.Uri.AbsoluteUri);
        Assert.Equal("application/json", post.ContentType);
        Assert.Null(post.Authorization);
        var body = MessageJson.Parse(post.Body!);
        Assert.Equal("ephemeral", MessageJson.ResponseType(body));
        Assert.Contains("Index", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(MessageJson.Blocks(body));
    }

    [Fact]
    public async Task RespondToCommandAsync_SlowReplyWithoutResponseUrl_NothingPostedNoThrow()
    {
        using var rig = new SlackRig(Harness, o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        rig.Responder.ReplyWithinOverride = TimeSpan.FromMilliseconds(50);
        using var busy = await Harness.HoldIndexBuildAsync();

        var command = TestPayloads.Command("/incident-reindex", "", TestPayloads.AdminUserId, responseUrl: null);
        var reply = await rig.Time.AdvanceUntilDoneAsync(
            rig.Responder.RespondToCommandAsync(command, rig.Time.GetUtcNow(), CancellationToken.None), TimeSpan.FromMilliseconds(50));
        await busy.ReleaseAsync();
        await rig.Background.DrainAsync(TimeSpan.FromSeconds(30));

        Assert.Null(reply);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task RespondToCommandAsync_HandlerDoingLongSynchronousWork_StillReturnsInTime()
    {
        // A forced build runs synchronously inside the handler: the responder must not wait on the caller's thread.
        using var rig = new SlackRig(Harness, o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        rig.Responder.ReplyWithinOverride = TimeSpan.FromMilliseconds(50);
        using var gate = new ManualResetEventSlim(false);
        using var entered = new ManualResetEventSlim(false);
        Harness.Index.AfterSentenceIndexed = _ =>
        {
            entered.Set();
            gate.Wait(TimeSpan.FromSeconds(30));
        };

        var command = TestPayloads.Command("/incident-reindex", "force", TestPayloads.AdminUserId);
        var receivedAt = rig.Time.GetUtcNow();
        var respond = Task.Run(() => rig.Responder.RespondToCommandAsync(command, receivedAt, CancellationToken.None));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10)), "the build did not start");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!respond.IsCompleted && DateTime.UtcNow < deadline)
        {
            rig.Time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(respond, Task.Delay(20));
        }

        var returnedWhileBusy = respond.IsCompleted;
        Harness.Index.AfterSentenceIndexed = null;
        gate.Set();
        var reply = await respond.WaitAsync(TimeSpan.FromSeconds(30));
        await rig.Background.DrainAsync(TimeSpan.FromSeconds(30));

        Assert.True(returnedWhileBusy, "RespondToCommandAsync did not return while the handler was busy");
        Assert.Null(reply);
        var post = Assert.Single(rig.Http.Requests);
        Assert.Contains("Index rebuilt", MessageJson.Parse(post.Body!).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondToCommandAsync_ReceivedLongAgoAndNotReady_NullAtOnce()
    {
        using var rig = new SlackRig(Harness, o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        using var busy = await Harness.HoldIndexBuildAsync();
        var receivedAt = rig.Time.GetUtcNow() - TimeSpan.FromSeconds(5);

        var reply = await rig.Responder.RespondToCommandAsync(
            TestPayloads.Command("/incident-reindex", "", TestPayloads.AdminUserId), receivedAt, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(reply);
        await busy.ReleaseAsync();
        await rig.Background.DrainAsync(TimeSpan.FromSeconds(30));
        Assert.Single(rig.Http.Requests);
    }

    [Fact]
    public async Task RespondToAction_PostsTheReplyToTheClicksResponseUrl()
    {
        using var rig = new SlackRig(Harness);
        var answer = await rig.Handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None);
        var askId = MessageJson.AskId(answer);

        rig.Responder.RespondToAction(TestPayloads.Click(ActionIds.Helpful, askId.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        await rig.Background.DrainAsync(TimeSpan.FromSeconds(30));

        var post = Assert.Single(rig.Http.Requests);
        Assert.Equal(TestPayloads.ActionResponseUrl, post.Uri.AbsoluteUri);
        var body = MessageJson.Parse(post.Body!);
        Assert.Equal("Thanks: recorded as helpful.", body.GetProperty("text").GetString());
        Assert.False(body.GetProperty("replace_original").GetBoolean());
    }

    [Fact]
    public async Task RespondToAction_ShareClick_PostsTheInChannelCopy()
    {
        using var rig = new SlackRig(Harness);
        var askId = MessageJson.AskId(await rig.Handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));

        rig.Responder.RespondToAction(TestPayloads.Click(ActionIds.Share, askId.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        await rig.Background.DrainAsync(TimeSpan.FromSeconds(30));

        var body = MessageJson.Parse(Assert.Single(rig.Http.Requests).Body!);
        Assert.Equal("in_channel", MessageJson.ResponseType(body));
        Assert.Contains($"Shared by <@{TestPayloads.UserId}>", MessageJson.AllText(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondToAction_ClickNotOurs_NothingPosted()
    {
        using var rig = new SlackRig(Harness);

        rig.Responder.RespondToAction(TestPayloads.Click("someone_elses_button", "1"), CancellationToken.None);
        await rig.Background.DrainAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task RespondToCommandAsync_HandlerThrows_ApologyNotException()
    {
        using var rig = new SlackRig(Harness);

        // A disposed store throws ObjectDisposedException, which is not a storage failure: it reaches the responder.
        Harness.Store.Dispose();
        var reply = await rig.Responder.RespondToCommandAsync(TestPayloads.Ask(Question), rig.Time.GetUtcNow(), CancellationToken.None);

        Assert.NotNull(reply);
        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        Assert.Contains("something went wrong", reply.Text, StringComparison.Ordinal);
        Assert.Empty(MessageJson.Buttons(MessageJson.Parse(reply)));
    }

    [Fact]
    public async Task RespondToCommandAsync_OneRequestThrows_OthersStillAnswered()
    {
        using var rig = new SlackRig(Harness);
        Harness.Store.Dispose();

        var failed = await rig.Responder.RespondToCommandAsync(TestPayloads.Ask(Question), rig.Time.GetUtcNow(), CancellationToken.None);
        var sources = await rig.Responder.RespondToCommandAsync(TestPayloads.Command("/incident-sources"), rig.Time.GetUtcNow(), CancellationToken.None);

        Assert.Contains("something went wrong", failed?.Text, StringComparison.Ordinal);
        Assert.Contains("Indexed documents", sources?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondToAction_HandlerThrows_ApologyPosted()
    {
        using var rig = new SlackRig(Harness);
        Harness.Store.Dispose();

        rig.Responder.RespondToAction(TestPayloads.Click(ActionIds.Helpful, "1"), CancellationToken.None);
        await rig.Background.DrainAsync(TimeSpan.FromSeconds(30));

        var body = MessageJson.Parse(Assert.Single(rig.Http.Requests).Body!);
        Assert.Contains("something went wrong", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.False, body.GetProperty("replace_original").ValueKind);
    }

    [Fact]
    public async Task RespondToAction_ResponseUrlRefused_NoThrowAndWorkFinishes()
    {
        using var rig = new SlackRig(Harness);
        rig.Http.Respond = (_, _) => RecordingHttpHandler.Text(System.Net.HttpStatusCode.NotFound, "used_url");

        rig.Responder.RespondToAction(TestPayloads.Click(ActionIds.Helpful, "1"), CancellationToken.None);
        await rig.WaitForBackgroundAsync();

        Assert.Single(rig.Http.Requests);
    }
}
