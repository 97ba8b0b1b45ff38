using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Discord.Tests.Unit.Interactions;

/// <summary>The gateway sink: dispatches in, REST callbacks (to a recording stub) out.</summary>
public sealed class InteractionDispatcherTests : IndexHarnessTests
{
    [Fact]
    public async Task OnDispatch_InteractionCreate_IsAnsweredThroughTheCallbackRoute()
    {
        using var rig = new ResponderRig(Harness);
        var dispatcher = new InteractionDispatcher(rig.Time, NullLogger<InteractionDispatcher>.Instance);
        using var stop = new CancellationTokenSource();
        var workers = dispatcher.RunAsync(rig.Responder, 2, stop.Token);
        var envelope = SampleFiles.ReadElement("discord_interaction_create_slash_dispatch_composed.json");

        dispatcher.OnDispatch(0, "INTERACTION_CREATE", envelope.GetProperty("d"));
        await FakeClock.WaitUntilAsync(() => rig.Http.Count == 1, "the callback is sent");
        await stop.CancelAsync();
        await workers.WaitAsync(TimeSpan.FromSeconds(10));

        var callback = Assert.Single(rig.Http.Requests);
        Assert.Equal(HttpMethod.Post, callback.Method);
        Assert.Equal("/api/v10/interactions/786008729715212338/A_UNIQUE_TOKEN/callback", callback.Uri.AbsolutePath);
        var body = JsonNode.Parse(callback.Body!)!;
        Assert.Equal(4, (int)body["type"]!);
        Assert.Equal(64, (int)body["data"]!["flags"]!);
    }

    [Theory]
    [InlineData("READY", """{"id":"1","token":"t","type":2,"data":{"name":"sources"}}""")]
    [InlineData("INTERACTION_CREATE", """{"type":2}""")]
    [InlineData("INTERACTION_CREATE", "[]")]
    [InlineData("INTERACTION_CREATE", "null")]
    [InlineData("INTERACTION_CREATE", "\"text\"")]
    public async Task OnDispatch_OtherEventsOrUnreadableData_AreDroppedWithoutThrowing(string eventName, string json)
    {
        using var rig = new ResponderRig(Harness);
        var dispatcher = new InteractionDispatcher(rig.Time, NullLogger<InteractionDispatcher>.Instance);
        using var stop = new CancellationTokenSource();
        var workers = dispatcher.RunAsync(rig.Responder, 1, stop.Token);

        dispatcher.OnDispatch(0, eventName, TestInteractions.Json(json));

        // A real interaction after it is still answered: the bad one neither threw nor stalled the workers.
        dispatcher.OnDispatch(0, "INTERACTION_CREATE", JsonSerializer.SerializeToElement(TestInteractions.Command(CommandNames.Sources), DiscordJsonContext.Default.Interaction));
        await FakeClock.WaitUntilAsync(() => rig.Http.Count >= 1, "the good interaction is answered");
        await stop.CancelAsync();
        await workers.WaitAsync(TimeSpan.FromSeconds(10));

        var only = Assert.Single(rig.Http.Requests);
        Assert.Contains("Indexed documents", only.Body, StringComparison.Ordinal);
    }
}
