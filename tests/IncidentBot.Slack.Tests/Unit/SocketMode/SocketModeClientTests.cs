using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using IncidentBot.Slack.SocketMode;
using IncidentBot.Slack.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Slack.Tests.Unit.SocketMode;

/// <summary>
/// The Socket Mode loop over in-memory transports (no socket) and a recording Web API stub: fresh URL per
/// connection, overlap on <c>disconnect</c>, fatal ends, waits on the fake clock.
/// </summary>
public sealed class SocketModeClientTests : IndexHarnessTests
{
    private const string AppToken = "xapp-1-A0APP0001-1234567890123-0123456789abcdef";
    private const string Hello = """{"type":"hello","num_connections":1}""";

    [Fact]
    public async Task RunAsync_ConnectsToTheUrlFromAppsConnectionsOpen()
    {
        using var rig = NewRig();
        var sockets = new Sockets(2);
        sockets[0].Deliver(Hello);
        using var cts = new CancellationTokenSource();
        var run = CreateClient(rig, sockets).RunAsync(cts.Token);

        await FakeClock.WaitUntilAsync(() => sockets[0].ConnectedTo is not null, "the first socket connects");

        Assert.Equal(new Uri("wss://wss.slack.test/link/?ticket=0"), sockets[0].ConnectedTo);
        var open = Assert.Single(rig.Http.Requests);
        Assert.Equal(SlackRig.ApiBase + "apps.connections.open", open.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + AppToken, open.Authorization);
        await StopAsync(cts, run);
    }

    [Fact]
    public async Task RunAsync_AppTokenRefused_ReturnsNamingTheKey()
    {
        using var rig = NewRig();
        rig.Http.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, """{"ok":false,"error":"invalid_auth"}""");

        var result = await CreateClient(rig, new Sockets(1)).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("Slack:AppToken", result.Reason, StringComparison.Ordinal);
        Assert.Contains("invalid_auth", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LinkDisabled_Returns()
    {
        using var rig = NewRig();
        var sockets = new Sockets(1);
        sockets[0].Deliver(Hello);
        sockets[0].Deliver("""{"type":"disconnect","reason":"link_disabled"}""");

        var result = await CreateClient(rig, sockets).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("link_disabled", result.Reason, StringComparison.Ordinal);
        Assert.True(sockets[0].Closed);
    }

    [Fact]
    public async Task RunAsync_RateLimitedOpen_WaitsRetryAfterOnTheClock()
    {
        using var rig = NewRig();
        rig.Http.Respond = (_, n) =>
        {
            if (n > 0)
            {
                return Url(n);
            }

            var limited = RecordingHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"ok":false,"error":"ratelimited"}""");
            limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return limited;
        };
        var sockets = new Sockets(1);
        sockets[0].Deliver(Hello);
        using var cts = new CancellationTokenSource();
        var run = CreateClient(rig, sockets).RunAsync(cts.Token);

        await rig.Time.AdvanceUntilAsync(() => sockets[0].ConnectedTo is not null, TimeSpan.FromSeconds(1), "the socket connects");

        var requests = rig.Http.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(7), $"retried after {requests[1].At - requests[0].At}");
        await StopAsync(cts, run);
    }

    [Fact]
    public async Task RunAsync_RefreshRequested_NewConnectionUpBeforeTheOldOneCloses()
    {
        using var rig = NewRig();
        var sockets = new Sockets(2);
        sockets[0].Deliver(Hello);
        sockets[1].Deliver(Hello);
        using var cts = new CancellationTokenSource();
        var run = CreateClient(rig, sockets).RunAsync(cts.Token);
        await FakeClock.WaitUntilAsync(() => sockets[0].ConnectedTo is not null, "the first socket connects");

        sockets[0].Deliver("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-111-xxx"}}""");
        await FakeClock.WaitUntilAsync(() => sockets[1].ConnectedTo is not null, "the second socket connects");

        await rig.Time.AdvanceUntilAsync(() => sockets[0].Closed, TimeSpan.FromSeconds(1), "the old socket is dropped");

        Assert.Equal(new Uri("wss://wss.slack.test/link/?ticket=1"), sockets[1].ConnectedTo);
        Assert.Equal(2, rig.Http.Count);
        var events = sockets.Events.ToList();
        Assert.True(events.IndexOf("t1 connect") < events.IndexOf("t0 close"), string.Join(", ", events));
        Assert.DoesNotContain("t1 close", events);
        await StopAsync(cts, run);
    }

    [Fact]
    public async Task RunAsync_DisconnectWhileAnEnvelopeIsInFlight_TheEnvelopeIsStillAckedOnItsOwnSocket()
    {
        // Slack only accepts an ack on the socket that brought the envelope. A /incident-reindex waiting on a
        // running build takes the full 2 s reply budget; Slack asks to refresh meanwhile. The old socket must
        // outlive that ack (SocketModeTimings.Overlap, 10 s), not be closed the moment the new one says hello.
        using var rig = NewRig(o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        using var busy = await Harness.HoldIndexBuildAsync();
        var sockets = new Sockets(2);
        sockets[0].Deliver(Hello);
        sockets[1].Deliver(Hello);
        using var cts = new CancellationTokenSource();
        var run = CreateClient(rig, sockets).RunAsync(cts.Token);
        await FakeClock.WaitUntilAsync(() => sockets[0].ConnectedTo is not null, "the first socket connects");

        sockets[0].Deliver(TestPayloads.EnvelopeJson(
            "e-inflight", "slash_commands", TestPayloads.SlashPayload("/incident-reindex", "", TestPayloads.AdminUserId), acceptsResponsePayload: true));
        await FakeClock.WaitUntilAsync(() => rig.Background.Count > 0, "the envelope is being handled");
        sockets[0].Deliver("""{"type":"disconnect","reason":"refresh_requested"}""");
        await FakeClock.WaitUntilAsync(() => sockets[1].ConnectedTo is not null, "the second socket connects");

        // The reply budget runs out on the fake clock: the envelope is acked (bare) now.
        var acked = false;
        for (var i = 0; i < 40 && !acked; i++)
        {
            rig.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
            acked = sockets[0].Sent.Any(s => s.Contains("e-inflight", StringComparison.Ordinal));
        }

        await busy.ReleaseAsync();
        await StopAsync(cts, run);
        await rig.Background.DrainAsync(TimeSpan.FromSeconds(30));

        Assert.True(acked, "the in-flight envelope was never acked on its socket: " + string.Join(", ", sockets.Events));
        Assert.DoesNotContain(sockets[1].Sent, s => s.Contains("e-inflight", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Cancelled_ClosesTheCurrentConnection()
    {
        // At shutdown the live socket is closed, so Slack stops sending it envelopes the bot will not answer.
        using var rig = NewRig();
        var sockets = new Sockets(1);
        sockets[0].Deliver(Hello);
        using var cts = new CancellationTokenSource();
        var run = CreateClient(rig, sockets).RunAsync(cts.Token);
        await FakeClock.WaitUntilAsync(() => sockets[0].ConnectedTo is not null, "the socket connects");

        await StopAsync(cts, run);

        Assert.True(sockets[0].Closed, "the connection was left open after RunAsync was cancelled");
        Assert.True(sockets[0].Disposed, "the transport was not disposed after RunAsync was cancelled");
    }

    [Fact]
    public async Task RunAsync_Dropped_ReconnectsWithAFreshUrlAfterBackoff()
    {
        using var rig = NewRig();
        var sockets = new Sockets(2);
        sockets[0].Deliver(Hello);
        sockets[1].Deliver(Hello);
        using var cts = new CancellationTokenSource();
        var run = CreateClient(rig, sockets, random: 1.0).RunAsync(cts.Token);
        await FakeClock.WaitUntilAsync(() => sockets[0].ConnectedTo is not null, "the first socket connects");

        sockets[0].Drop();
        await FakeClock.WaitUntilAsync(() => sockets[0].Closed, "the dropped socket is closed");
        await rig.Time.AdvanceUntilAsync(() => sockets[1].ConnectedTo is not null, TimeSpan.FromMilliseconds(250), "the second socket connects");

        var requests = rig.Http.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1));
        Assert.NotEqual(sockets[0].ConnectedTo, sockets[1].ConnectedTo);
        await StopAsync(cts, run);
    }

    private SlackRig NewRig(Action<SlackOptions>? configure = null)
    {
        var rig = new SlackRig(Harness, o =>
        {
            o.AppToken = AppToken;
            configure?.Invoke(o);
        });
        rig.Http.Respond = (_, n) => Url(n);
        return rig;
    }

    private static HttpResponseMessage Url(int n) =>
        RecordingHttpHandler.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { ok = true, url = $"wss://wss.slack.test/link/?ticket={n}" }));

    private static SocketModeClient CreateClient(SlackRig rig, Sockets sockets, double random = 0.5) => new(
        rig.Api,
        rig.CreateEnvelopeHandler(),
        new SocketModeTimings { HelloTimeout = TimeSpan.FromSeconds(10), Random = () => random },
        rig.Time,
        NullLogger<SocketModeClient>.Instance,
        sockets.Next);

    private static async Task StopAsync(CancellationTokenSource cts, Task<SocketModeRunResult> run)
    {
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>The transports the client will use, in order (t0, t1, …), sharing one event log.</summary>
    private sealed class Sockets
    {
        private readonly ScriptedTransport[] _transports;
        private int _next;

        public Sockets(int count)
        {
            _transports = [.. Enumerable.Range(0, count).Select(i => new ScriptedTransport("t" + i, Events))];
        }

        public ConcurrentQueue<string> Events { get; } = new();

        public ScriptedTransport this[int index] => _transports[index];

        public ScriptedTransport Next() => _transports[Interlocked.Increment(ref _next) - 1];
    }
}
