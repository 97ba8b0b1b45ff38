using System.Diagnostics;
using System.Net.WebSockets;

namespace IncidentBot.Slack.Tests.Integration;

/// <summary>
/// Keeping the connection (PROTOCOLS.md §7.3): Slack's <c>disconnect</c> → a fresh URL and a new connection opened
/// before the old one is dropped; other drops → reconnect with backoff; <c>link_disabled</c> and a refused app
/// token → <see cref="SocketMode.SocketModeClient.RunAsync"/> returns (fatal); <c>ratelimited</c> → wait Retry-After.
/// </summary>
public sealed class SocketModeReconnectTests
{
    private static readonly TimeSpan Wait = SocketModeHarness.Wait;

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    [InlineData("too_many_websockets")]
    public async Task Disconnect_Requested_OpensTheNewConnectionBeforeClosingTheOld(string reason)
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var old = await harness.ConnectReadyAsync();

        await old.SendDisconnectAsync(reason);
        var fresh = await harness.NextConnectionAsync();
        var oldOpenBeforeHello = old.IsOpen;
        var bothOpen = harness.Fake.OpenConnections.Count;
        await fresh.SendHelloAsync();
        var closeStatus = await old.WaitForClientCloseAsync(Wait);
        var (id, payload) = await harness.SendCommandAsync(fresh, "/ask", SocketModeHarness.AnswerableQuestion);
        var reply = await harness.ReplyAsync(fresh, id, payload);

        Assert.True(oldOpenBeforeHello, "the old connection was dropped before the new one was ready");
        Assert.Equal(2, bothOpen);
        Assert.Equal((int)WebSocketCloseStatus.NormalClosure, closeStatus);
        Assert.False(old.IsOpen);
        Assert.True(fresh.IsOpen);
        Assert.Equal(2, harness.OpenCalls);
        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(reply), StringComparison.Ordinal);
        Assert.Contains(harness.Logs.Lines, l => l.Message.Contains(reason, StringComparison.Ordinal));
        Assert.False(harness.Run.IsCompleted);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Disconnect_EnvelopeOnTheOldConnectionBeforeTheNewIsReady_IsAnsweredOnTheOld()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var old = await harness.ConnectReadyAsync();

        await old.SendDisconnectAsync("refresh_requested");
        var fresh = await harness.NextConnectionAsync();
        var (id, payload) = await harness.SendCommandAsync(old, "/ask", SocketModeHarness.AnswerableQuestion);
        var ack = await old.ExpectAckAsync(id, Wait);
        await fresh.SendHelloAsync();
        await old.WaitForClientCloseAsync(Wait);
        await SocketModeHarness.ProbeAsync(fresh);

        Assert.True(ack.Payload.HasValue, "the answer did not ride on the ack: " + ack.Raw);
        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(ack.Payload.Value), StringComparison.Ordinal);
        Assert.InRange(ack.At - old.SentAt(id), TimeSpan.Zero, SocketModeHarness.AckDeadline);
        Assert.Empty(harness.PostsTo(payload));
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Disconnect_RepeatedRefreshes_EachOpensAFreshUrlAndKeepsOneConnection()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var current = await harness.ConnectReadyAsync();

        for (var i = 0; i < 3; i++)
        {
            await current.SendDisconnectAsync("refresh_requested");
            var next = await harness.NextConnectionAsync();
            await next.SendHelloAsync();
            await current.WaitForClientCloseAsync(Wait);
            await SocketModeHarness.ProbeAsync(next);
            current = next;
        }

        Assert.Equal(4, harness.OpenCalls);
        Assert.Same(current, Assert.Single(harness.Fake.OpenConnections));
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Drop_SocketAborted_ReconnectsWithAFreshUrlAfterABackoff()
    {
        // 400 ms base with jitter 0.5: the first retry waits 300 ms; a lower bound of 250 ms shows it did wait.
        await using var harness = await SocketModeHarness.StartAsync(timings: t => t with { BackoffBase = TimeSpan.FromMilliseconds(400), BackoffCap = TimeSpan.FromSeconds(2) });
        var first = await harness.ConnectReadyAsync();

        var watch = Stopwatch.StartNew();
        first.Abort();
        await harness.WaitForOpenCallsAsync(2);
        var waited = watch.Elapsed;
        var second = await harness.NextConnectionAsync();
        await second.SendHelloAsync();
        await SocketModeHarness.ProbeAsync(second);
        var (id, payload) = await harness.SendCommandAsync(second, "/ask", SocketModeHarness.AnswerableQuestion);
        var reply = await harness.ReplyAsync(second, id, payload);

        Assert.True(waited >= TimeSpan.FromMilliseconds(250), $"reconnected after {waited.TotalMilliseconds:0} ms, without backing off");
        Assert.Contains(harness.Logs.Lines, l => l.Message.Contains("connection lost", StringComparison.Ordinal) && l.Message.Contains("reconnecting in 0.3 s", StringComparison.Ordinal));
        Assert.Contains(SocketModeHarness.AnswerFragment, SlackReply.AllText(reply), StringComparison.Ordinal);
        Assert.Equal(2, harness.Fake.ConnectionCount);
        Assert.False(harness.Run.IsCompleted);
        harness.AssertNoViolations();
    }

    [Theory]
    [InlineData(WebSocketCloseStatus.NormalClosure)]
    [InlineData(WebSocketCloseStatus.EndpointUnavailable)]
    [InlineData(WebSocketCloseStatus.InternalServerError)]
    public async Task Drop_ServerClosesTheSocket_Reconnects(WebSocketCloseStatus status)
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var first = await harness.ConnectReadyAsync();

        await first.CloseAsync(status, "bye");
        var second = await harness.ConnectReadyAsync();

        Assert.False(first.IsOpen);
        Assert.True(second.IsOpen);
        Assert.Equal(2, harness.OpenCalls);
        Assert.False(harness.Run.IsCompleted);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Disconnect_LinkDisabled_RunReturnsFatalAndDoesNotReconnect()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        await connection.SendDisconnectAsync("link_disabled");
        var result = await harness.Run.WaitAsync(Wait);
        await connection.WaitForClientCloseAsync(Wait);

        Assert.Contains("link_disabled", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, harness.OpenCalls);
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.False(connection.IsOpen);
        harness.AssertNoViolations();
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("not_authed")]
    [InlineData("token_revoked")]
    [InlineData("not_allowed_token_type")]
    [InlineData("account_inactive")]
    public async Task Open_AppTokenRefused_RunReturnsNamingSlackAppToken(string error)
    {
        await using var harness = await SocketModeHarness.StartAsync(configureFake: fake => fake.EnqueueApiError("apps.connections.open", error));

        var result = await harness.Run.WaitAsync(Wait);

        Assert.Contains("Slack:AppToken", result.Reason, StringComparison.Ordinal);
        Assert.Contains(error, result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, harness.OpenCalls);
        Assert.Equal(0, harness.Fake.ConnectionCount);
    }

    [Fact]
    public async Task Open_AnotherAppsToken_FakeSaysInvalidAuth_RunReturnsNamingSlackAppToken()
    {
        await using var harness = await SocketModeHarness.StartAsync(config: [new("Slack:AppToken", "xapp-1-A999-999-someone-else")]);

        var result = await harness.Run.WaitAsync(Wait);

        Assert.Contains("Slack:AppToken", result.Reason, StringComparison.Ordinal);
        Assert.Contains("invalid_auth", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, harness.OpenCalls);
        Assert.Equal(0, harness.Fake.ConnectionCount);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Message.Contains("xapp-1-A999", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("internal_error")]
    [InlineData("fatal_error")]
    [InlineData("service_unavailable")]
    public async Task Open_TransientApiError_RetriedThenConnects(string error)
    {
        await using var harness = await SocketModeHarness.StartAsync(configureFake: fake => fake.EnqueueApiError("apps.connections.open", error));

        var connection = await harness.ConnectReadyAsync();

        Assert.Equal(2, harness.OpenCalls);
        Assert.True(connection.IsOpen);
        Assert.False(harness.Run.IsCompleted);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Open_RateLimitedWithRetryAfter1_WaitsThenRetries()
    {
        await using var harness = await SocketModeHarness.StartAsync(configureFake: fake => fake.EnqueueRateLimited("apps.connections.open", 1));

        await harness.WaitForOpenCallsAsync(1);
        var watch = Stopwatch.StartNew();
        await harness.WaitForOpenCallsAsync(2);
        var waited = watch.Elapsed;
        var connection = await harness.ConnectReadyAsync();

        // Retry-After is 1 s; the margin only covers when the test noticed the first call.
        Assert.True(waited >= TimeSpan.FromMilliseconds(800), $"retried after {waited.TotalMilliseconds:0} ms despite Retry-After: 1");
        Assert.True(connection.IsOpen);
        Assert.Equal(2, harness.OpenCalls);
        Assert.False(harness.Run.IsCompleted);
        harness.AssertNoViolations();
    }
}
