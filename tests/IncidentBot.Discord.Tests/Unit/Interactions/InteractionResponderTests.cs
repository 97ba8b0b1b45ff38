using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Tests.TestSupport;

namespace IncidentBot.Discord.Tests.Unit.Interactions;

/// <summary>
/// The responder on a real handler, index and store; REST calls go to a recording stub and time is fake, so
/// "slow" means "not finished when the fake clock reaches the deferral deadline".
/// </summary>
public sealed class InteractionResponderTests : IndexHarnessTests
{
    private const string Question = "How many users were targeted?";

    [Fact]
    public async Task RespondAsync_FastReply_IsTheMessageItselfAndSendsNothing()
    {
        using var rig = new ResponderRig(Harness);

        var response = await rig.Responder.RespondAsync(TestInteractions.Ask(Question), rig.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response?.Type);
        Assert.Single(response!.Data!.Embeds!);
        Assert.Equal(0, rig.Http.Count);
        Assert.Equal(0, rig.Deferred.Count);
    }

    [Fact]
    public async Task RespondAsync_IgnoredInteraction_ReturnsNull()
    {
        using var rig = new ResponderRig(Harness);

        var response = await rig.Responder.RespondAsync(TestInteractions.Click("click_one"), rig.Time.GetUtcNow(), CancellationToken.None);

        Assert.Null(response);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task RespondAsync_ReplyWaitingOnABusyIndex_DefersEphemerallyThenEditsOriginal()
    {
        using var rig = new ResponderRig(Harness);
        rig.Responder.DeferAfterOverride = TimeSpan.FromMilliseconds(50);
        using var busy = await HoldIndexBuildAsync();

        // /reindex by a server manager waits for the build already running.
        var interaction = TestInteractions.Command(CommandNames.Reindex, permissions: "32");
        var respond = rig.Responder.RespondAsync(interaction, rig.Time.GetUtcNow(), CancellationToken.None);
        var response = await rig.Time.AdvanceUntilDoneAsync(respond, TimeSpan.FromMilliseconds(50));

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response?.Type);
        Assert.Equal(MessageFlags.Ephemeral, response!.Data?.Flags);
        Assert.Equal(0, rig.Http.Count);
        Assert.Equal(1, rig.Deferred.Count);

        await busy.ReleaseAsync();
        await rig.Deferred.DrainAsync(TimeSpan.FromSeconds(30));

        var edit = Assert.Single(rig.Http.Requests);
        Assert.Equal(HttpMethod.Patch, edit.Method);
        Assert.Equal(
            $"/api/v10/webhooks/{TestInteractions.ApplicationId}/{TestInteractions.Token}/messages/@original",
            edit.Uri.AbsolutePath);
        var body = JsonNode.Parse(edit.Body!)!;
        Assert.Contains("Index", (string?)body["content"], StringComparison.Ordinal);
        Assert.Null(body["flags"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"parse":[]}"""), body["allowed_mentions"]));
        await FakeClock.WaitUntilAsync(() => rig.Deferred.Count == 0, "the finished reply is no longer tracked");
    }

    [Fact]
    public async Task RespondAsync_SlowReplyWithoutApplicationIdInTheInteraction_EditsWithTheConfiguredOne()
    {
        using var rig = new ResponderRig(Harness, o => o.ApplicationId = "111111111111111111");
        rig.Responder.DeferAfterOverride = TimeSpan.FromMilliseconds(50);
        using var busy = await HoldIndexBuildAsync();

        var interaction = TestInteractions.Command(CommandNames.Reindex, permissions: "32") with { ApplicationId = null };
        var response = await rig.Time.AdvanceUntilDoneAsync(
            rig.Responder.RespondAsync(interaction, rig.Time.GetUtcNow(), CancellationToken.None), TimeSpan.FromMilliseconds(50));
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response?.Type);
        await busy.ReleaseAsync();
        await rig.Deferred.DrainAsync(TimeSpan.FromSeconds(30));

        var edit = Assert.Single(rig.Http.Requests);
        Assert.StartsWith("/api/v10/webhooks/111111111111111111/", edit.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondAsync_HandlerDoingLongSynchronousWork_StillDefersInTime()
    {
        // A /reindex build (IncidentIndex.BuildLocked) or a SQLite call is synchronous work: run on the caller's
        // thread, it would keep RespondAsync from even starting its deadline, and a long build would miss Discord's 3 s.
        using var rig = new ResponderRig(Harness);
        rig.Responder.DeferAfterOverride = TimeSpan.FromMilliseconds(50);
        using var gate = new ManualResetEventSlim(false);
        using var entered = new ManualResetEventSlim(false);
        Harness.Index.AfterSentenceIndexed = _ =>
        {
            entered.Set();
            gate.Wait(TimeSpan.FromSeconds(30));
        };

        var interaction = TestInteractions.Command(CommandNames.Reindex, permissions: "32", options: TestInteractions.BooleanOption("force", true));
        var receivedAt = rig.Time.GetUtcNow();
        var respond = Task.Run(() => rig.Responder.RespondAsync(interaction, receivedAt, CancellationToken.None));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10)), "the build did not start");

        // The build is stuck; the deadline passes on the fake clock.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (!respond.IsCompleted && DateTime.UtcNow < deadline)
        {
            rig.Time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(respond, Task.Delay(20));
        }

        var answeredWhileBusy = respond.IsCompleted;
        Harness.Index.AfterSentenceIndexed = null;
        gate.Set();
        var response = await respond.WaitAsync(TimeSpan.FromSeconds(30));
        await rig.Deferred.DrainAsync(TimeSpan.FromSeconds(30));

        Assert.True(answeredWhileBusy, "RespondAsync did not return while the handler was busy: no deferral was possible");
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response?.Type);
        Assert.Equal(MessageFlags.Ephemeral, response!.Data?.Flags);
    }

    [Fact]
    public async Task RespondAsync_ReceivedLongAgo_DefersAtOnce()
    {
        // The budget counts from when the interaction arrived: one that queued past the deadline defers at once.
        using var rig = new ResponderRig(Harness);
        using var busy = await HoldIndexBuildAsync();
        var receivedAt = rig.Time.GetUtcNow() - TimeSpan.FromSeconds(5);

        var response = await rig.Responder.RespondAsync(
            TestInteractions.Command(CommandNames.Reindex, permissions: "32"), receivedAt, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response?.Type);
        await busy.ReleaseAsync();
        await rig.Deferred.DrainAsync(TimeSpan.FromSeconds(30));
        Assert.Single(rig.Http.Requests);
    }

    [Fact]
    public async Task RespondAsync_HandlerThrows_EphemeralApology()
    {
        using var rig = new ResponderRig(Harness);

        // A disposed store throws ObjectDisposedException, which is not a storage failure: it reaches the responder.
        Harness.Store.Dispose();
        var response = await rig.Responder.RespondAsync(TestInteractions.Ask(Question), rig.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response?.Type);
        Assert.Equal(MessageFlags.Ephemeral, response!.Data?.Flags);
        Assert.Contains("something went wrong", response.Data?.Content, StringComparison.Ordinal);
        Assert.Null(response.Data?.Embeds);
    }

    [Fact]
    public async Task RespondAsync_OneInteractionThrows_OthersStillAnswered()
    {
        using var rig = new ResponderRig(Harness);
        Harness.Store.Dispose();

        var failed = await rig.Responder.RespondAsync(TestInteractions.Ask(Question), rig.Time.GetUtcNow(), CancellationToken.None);
        var sources = await rig.Responder.RespondAsync(TestInteractions.Command(CommandNames.Sources), rig.Time.GetUtcNow(), CancellationToken.None);

        Assert.Contains("something went wrong", failed?.Data?.Content, StringComparison.Ordinal);
        Assert.Single(sources!.Data!.Embeds!);
    }

    [Fact]
    public async Task DeliverAsync_FastReply_PostsTheCallbackOnce()
    {
        using var rig = new ResponderRig(Harness);

        await rig.Responder.DeliverAsync(TestInteractions.Ask(Question), rig.Time.GetUtcNow(), CancellationToken.None);

        var callback = Assert.Single(rig.Http.Requests);
        Assert.Equal(HttpMethod.Post, callback.Method);
        Assert.Equal("/api/v10/interactions/846462639134605312/" + TestInteractions.Token + "/callback", callback.Uri.AbsolutePath);
        var body = JsonNode.Parse(callback.Body!)!;
        Assert.Equal(4, (int)body["type"]!);
        Assert.Single(body["data"]!["embeds"]!.AsArray());
    }

    [Fact]
    public async Task DeliverAsync_Ping_SendsNothing()
    {
        using var rig = new ResponderRig(Harness);
        var ping = TestInteractions.Command("x") with { Type = InteractionType.Ping, Data = null };

        await rig.Responder.DeliverAsync(ping, rig.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task DeliverAsync_SlowReply_PostsTheDeferralThenPatchesOriginal()
    {
        using var rig = new ResponderRig(Harness);
        rig.Responder.DeferAfterOverride = TimeSpan.FromMilliseconds(50);
        using var busy = await HoldIndexBuildAsync();

        var deliver = rig.Responder.DeliverAsync(TestInteractions.Command(CommandNames.Reindex, permissions: "32"), rig.Time.GetUtcNow(), CancellationToken.None);
        await rig.Time.AdvanceUntilDoneAsync(deliver, TimeSpan.FromMilliseconds(50));
        await busy.ReleaseAsync();
        await rig.Deferred.DrainAsync(TimeSpan.FromSeconds(30));

        var requests = rig.Http.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(HttpMethod.Post, requests[0].Method);
        var deferral = JsonNode.Parse(requests[0].Body!)!;
        Assert.Equal(5, (int)deferral["type"]!);
        Assert.Equal(MessageFlags.Ephemeral, (int)deferral["data"]!["flags"]!);
        Assert.Equal(HttpMethod.Patch, requests[1].Method);
        Assert.EndsWith("/messages/@original", requests[1].Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_DeferralRefused_DoesNotEditOriginal()
    {
        using var rig = new ResponderRig(Harness);
        rig.Responder.DeferAfterOverride = TimeSpan.FromMilliseconds(50);
        rig.Http.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.NotFound, """{"message":"Unknown interaction","code":10062}""");
        using var busy = await HoldIndexBuildAsync();

        var deliver = rig.Responder.DeliverAsync(TestInteractions.Command(CommandNames.Reindex, permissions: "32"), rig.Time.GetUtcNow(), CancellationToken.None);
        await rig.Time.AdvanceUntilDoneAsync(deliver, TimeSpan.FromMilliseconds(50));
        await busy.ReleaseAsync();
        await rig.Deferred.DrainAsync(TimeSpan.FromSeconds(30));

        var only = Assert.Single(rig.Http.Requests);
        Assert.Equal(HttpMethod.Post, only.Method);
    }

    [Fact]
    public async Task DeliverAsync_DeferralAlreadyAcknowledged_StillFillsItIn()
    {
        // 40060 answers a retried callback whose first attempt did arrive: the deferral exists, so edit it.
        using var rig = new ResponderRig(Harness);
        rig.Responder.DeferAfterOverride = TimeSpan.FromMilliseconds(50);
        rig.Http.Respond = (request, _) => request.Method == HttpMethod.Post
            ? RecordingHttpHandler.Json(HttpStatusCode.BadRequest, """{"message":"Interaction has already been acknowledged.","code":40060}""")
            : RecordingHttpHandler.Json(HttpStatusCode.OK, "{}");
        using var busy = await HoldIndexBuildAsync();

        var deliver = rig.Responder.DeliverAsync(TestInteractions.Command(CommandNames.Reindex, permissions: "32"), rig.Time.GetUtcNow(), CancellationToken.None);
        await rig.Time.AdvanceUntilDoneAsync(deliver, TimeSpan.FromMilliseconds(50));
        await busy.ReleaseAsync();
        await rig.Deferred.DrainAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([HttpMethod.Post, HttpMethod.Patch], rig.Http.Requests.Select(r => r.Method));
    }

    /// <summary>Starts a forced build that stops at its first sentence until released: the build lock is held.</summary>
    private async Task<BusyIndex> HoldIndexBuildAsync()
    {
        var gate = new ManualResetEventSlim(false);
        var entered = new ManualResetEventSlim(false);
        Harness.Index.AfterSentenceIndexed = _ =>
        {
            entered.Set();
            gate.Wait(TimeSpan.FromSeconds(30));
        };
        var build = Task.Run(() => Harness.Index.ReindexAsync(force: true, CancellationToken.None));
        await Task.Run(() => Assert.True(entered.Wait(TimeSpan.FromSeconds(10)), "the build did not start"));
        Harness.Index.AfterSentenceIndexed = null;
        return new BusyIndex(gate, entered, build);
    }

    private sealed class BusyIndex(ManualResetEventSlim gate, ManualResetEventSlim entered, Task build) : IDisposable
    {
        public async Task ReleaseAsync()
        {
            gate.Set();
            await build.WaitAsync(TimeSpan.FromSeconds(30));
        }

        public void Dispose()
        {
            gate.Set();
            build.Wait(TimeSpan.FromSeconds(30));
            gate.Dispose();
            entered.Dispose();
        }
    }
}
