using System.Text.Json.Nodes;
using IncidentBot.Discord.Tests.Fakes;
using static IncidentBot.Discord.Tests.Integration.Gateway.GatewayHarness;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>Resume or start over, as Discord asks (PROTOCOLS.md §1.3, §1.7, §1.8).</summary>
public sealed class GatewayReconnectTests
{
    [Fact]
    public async Task Reconnect_Op7_ClosesResumably_ResumesOnResumeUrl_AndKeepsAnswering()
    {
        await using var harness = await StartAsync();
        var fake = harness.Fake;
        var (first, _) = await harness.ConnectReadyAsync();
        Assert.Equal(2, await SendGuildCreateAsync(first));

        await first.SendReconnectAsync();
        GatewayAssert.ResumableClientClose(await first.WaitForClientCloseAsync(Wait));

        var second = await harness.NextConnectionAsync();
        Assert.True(second.IsResumeUrl, "resumed on " + second.Path);
        GatewayAssert.VersionAndEncoding(second);
        second.LastSequence = first.LastSequence;
        await second.SendHelloAsync(QuietIntervalMs);
        GatewayAssert.Resume(await second.ExpectAsync(6, Wait), fake.Token, sequence: 2);
        Assert.Equal(3, await second.SendResumedAsync());

        var ask = InteractionPayloads.Ask(fake, AnswerableQuestion);
        Assert.Equal(4, await DispatchAsync(second, ask));
        var (_, body) = await harness.WaitForCallbackAsync(ask);
        Assert.Equal(4, body.GetProperty("type").GetInt32());

        // The sequence continued across the resume.
        await second.SendHeartbeatRequestAsync();
        Assert.Equal(4, GatewayAssert.Sequence(await second.ExpectAsync(1, Wait)));
        Assert.DoesNotContain(second.Received, f => f.Op == 2);
        Assert.Equal(2, fake.ConnectionCount);
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task Zombie_NoHeartbeatAck_ClosesResumablyAfterSecondBeatTime_AndResumes()
    {
        const int interval = 400;
        await using var harness = await StartAsync();
        var first = await harness.NextConnectionAsync();
        first.AutoAckHeartbeats = false;
        await first.SendHelloAsync(interval);
        await first.ExpectAsync(2, Wait);
        await first.SendReadyAsync(SessionId, harness.Fake.ResumeGatewayUrl);

        var beat = await first.ExpectAsync(1, Wait);
        var code = await first.WaitForClientCloseAsync(Wait);
        var closedAfterBeat = DateTimeOffset.UtcNow - beat.ReceivedAt;

        GatewayAssert.ResumableClientClose(code);
        Assert.True(closedAfterBeat >= TimeSpan.FromMilliseconds(0.8 * interval), $"closed {closedAfterBeat.TotalMilliseconds:0} ms after the un-ACKed beat; the next beat was due after {interval} ms");
        Assert.Single(first.Received, f => f.Op == 1);

        var second = await harness.NextConnectionAsync();
        Assert.True(second.IsResumeUrl, "resumed on " + second.Path);
        second.LastSequence = first.LastSequence;
        await second.SendHelloAsync(QuietIntervalMs);
        GatewayAssert.Resume(await second.ExpectAsync(6, Wait), harness.Fake.Token, sequence: 1);
    }

    [Fact]
    public async Task InvalidSession_Resumable_WaitsThenResumesOnResumeUrl()
    {
        await using var harness = await StartAsync();
        var (first, _) = await harness.ConnectReadyAsync();

        var sentAt = DateTimeOffset.UtcNow;
        await first.SendInvalidSessionAsync(resumable: true);
        GatewayAssert.ResumableClientClose(await first.WaitForClientCloseAsync(Wait));
        var second = await harness.NextConnectionAsync();
        var waited = DateTimeOffset.UtcNow - sentAt;

        Assert.True(waited >= harness.Timings.InvalidSessionDelayMin, $"reconnected {waited.TotalMilliseconds:0} ms after op 9; the minimum wait is {harness.Timings.InvalidSessionDelayMin.TotalMilliseconds} ms");
        Assert.True(second.IsResumeUrl, "reconnected to " + second.Path);
        GatewayAssert.VersionAndEncoding(second);
        second.LastSequence = first.LastSequence;
        await second.SendHelloAsync(QuietIntervalMs);
        GatewayAssert.Resume(await second.ExpectAsync(6, Wait), harness.Fake.Token, sequence: 1);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_WaitsThenIdentifiesOnGatewayUrl()
    {
        await using var harness = await StartAsync();
        var (first, _) = await harness.ConnectReadyAsync();

        var sentAt = DateTimeOffset.UtcNow;
        await first.SendInvalidSessionAsync(resumable: false);
        await first.WaitForClientCloseAsync(Wait);
        var second = await harness.NextConnectionAsync();
        var waited = DateTimeOffset.UtcNow - sentAt;

        Assert.True(waited >= harness.Timings.InvalidSessionDelayMin, $"reconnected {waited.TotalMilliseconds:0} ms after op 9; the minimum wait is {harness.Timings.InvalidSessionDelayMin.TotalMilliseconds} ms");
        Assert.False(second.IsResumeUrl, "a new session starts on the gateway URL, not " + second.Path);
        GatewayAssert.VersionAndEncoding(second);
        await second.SendHelloAsync(QuietIntervalMs);
        var identify = await second.ExpectAsync(2, Wait);
        Assert.Equal(harness.Fake.Token, identify.D.GetProperty("token").GetString());
        Assert.DoesNotContain(second.Received, f => f.Op == 6);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4008)]
    [InlineData(null)] // Abort: the TCP connection drops without a close frame.
    public async Task NonFatalClose_ReconnectsAndResumes(int? closeCode)
    {
        await using var harness = await StartAsync();
        var (first, _) = await harness.ConnectReadyAsync();

        if (closeCode is { } code)
        {
            await first.CloseAsync(code, "scripted");
        }
        else
        {
            first.Abort();
        }

        var second = await harness.NextConnectionAsync();
        Assert.True(second.IsResumeUrl, "reconnected to " + second.Path);
        GatewayAssert.VersionAndEncoding(second);
        second.LastSequence = first.LastSequence;
        await second.SendHelloAsync(QuietIntervalMs);
        GatewayAssert.Resume(await second.ExpectAsync(6, Wait), harness.Fake.Token, sequence: 1);
        await second.SendResumedAsync();

        var ask = InteractionPayloads.Ask(harness.Fake, AnswerableQuestion);
        await DispatchAsync(second, ask);
        Assert.Equal(4, (await harness.WaitForCallbackAsync(ask)).Body.GetProperty("type").GetInt32());
        Assert.False(harness.Gateway.IsCompleted, "the gateway stopped after a non-fatal close");
    }

    [Theory]
    [InlineData(4007)] // Invalid seq on resume.
    [InlineData(4009)] // Session timed out.
    public async Task SessionGoneClose_IdentifiesAfreshOnGatewayUrl(int closeCode)
    {
        await using var harness = await StartAsync();
        var (first, _) = await harness.ConnectReadyAsync();

        await first.CloseAsync(closeCode, "scripted");

        var second = await harness.NextConnectionAsync();
        Assert.False(second.IsResumeUrl, "a new session starts on the gateway URL, not " + second.Path);
        GatewayAssert.VersionAndEncoding(second);
        await second.SendHelloAsync(QuietIntervalMs);
        var identify = await second.ExpectAsync(2, Wait);
        Assert.Equal(harness.Fake.Token, identify.D.GetProperty("token").GetString());
        Assert.DoesNotContain(second.Received, f => f.Op == 6);

        // The new session works: READY, then a question is answered.
        await second.SendReadyAsync("session-2", harness.Fake.ResumeGatewayUrl);
        var ask = InteractionPayloads.Ask(harness.Fake, AnswerableQuestion);
        await DispatchAsync(second, ask);
        Assert.Equal(4, (await harness.WaitForCallbackAsync(ask)).Body.GetProperty("type").GetInt32());
    }

    /// <summary>
    /// A gateway that drops every connection before Hello: reconnects back off exponentially (50 ms base,
    /// jitter fixed at 1.0×, capped at 800 here). Each gap is measured from just before the fake closed to when
    /// the next connection is seen, so it can only be longer than the client's wait: lower bounds cannot flake.
    /// The "grows" check compares the first gap (~37 ms) with the last (≥ 600 ms).
    /// </summary>
    [Fact]
    public async Task RefusedConnections_ReconnectWithGrowingBackoff()
    {
        await using var harness = await StartAsync(timings: t => t with { BackoffCap = TimeSpan.FromMilliseconds(800) });
        // Steps of 50, 100, 200, 400, 800 ms; with the harness's fixed jitter 0.5 the wait is 3/4 of each step.
        var expected = new[] { 37, 75, 150, 300, 600 };
        var gaps = new List<TimeSpan>();

        var connection = await harness.NextConnectionAsync();
        foreach (var _ in expected)
        {
            var closingAt = DateTimeOffset.UtcNow;
            await connection.CloseAsync(4000, "Unknown error");
            connection = await harness.NextConnectionAsync();
            gaps.Add(DateTimeOffset.UtcNow - closingAt);
            Assert.False(connection.IsResumeUrl, "never had a session, so nothing to resume: " + connection.Path);
        }

        var report = string.Join(", ", gaps.Select(g => $"{g.TotalMilliseconds:0} ms"));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(gaps[i] >= TimeSpan.FromMilliseconds(expected[i] - 5), $"reconnect {i + 1} came too early; gaps: {report}");
        }

        Assert.True(gaps[^1] > gaps[0], $"the backoff did not grow; gaps: {report}");
        Assert.All(harness.Connections, c => Assert.DoesNotContain(c.Received, f => f.Op is 2 or 6));
    }

    [Fact]
    public async Task ResumeRejected_Op9NotResumable_IdentifiesAfreshOnGatewayUrl()
    {
        await using var harness = await StartAsync();
        var (first, _) = await harness.ConnectReadyAsync();
        await first.SendReconnectAsync();
        var second = await harness.NextConnectionAsync();
        Assert.True(second.IsResumeUrl);
        await second.SendHelloAsync(QuietIntervalMs);
        await second.ExpectAsync(6, Wait);

        await second.SendInvalidSessionAsync(resumable: false);

        var third = await harness.NextConnectionAsync();
        Assert.False(third.IsResumeUrl, "after a refused resume the session is gone: identify on the gateway URL, not " + third.Path);
        await third.SendHelloAsync(QuietIntervalMs);
        await third.ExpectAsync(2, Wait);
    }

    [Fact]
    public async Task NoHello_WithinHelloTimeout_DropsAndReconnects()
    {
        var helloTimeout = TimeSpan.FromMilliseconds(300);
        await using var harness = await StartAsync(timings: t => t with { HelloTimeout = helloTimeout });
        var connectedAt = DateTimeOffset.UtcNow;
        var silent = await harness.NextConnectionAsync();

        var second = await harness.NextConnectionAsync();
        var after = DateTimeOffset.UtcNow - connectedAt;

        Assert.True(after >= helloTimeout, $"gave up on Hello after {after.TotalMilliseconds:0} ms");
        Assert.Empty(silent.Received);
        await second.SendHelloAsync(QuietIntervalMs);
        await second.ExpectAsync(2, Wait);
    }

    [Fact]
    public async Task Shutdown_ClosesWith1000_AndGatewayEndsCancelled()
    {
        await using var harness = await StartAsync();
        var (connection, _) = await harness.ConnectReadyAsync();

        await harness.StopAsync();

        Assert.Equal(1000, await connection.WaitForClientCloseAsync(Wait));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Gateway.WaitAsync(Wait));
        await Assert.ThrowsAsync<TimeoutException>(() => harness.NextConnectionAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task ResumeUrlThatIsNotAWebSocket_IsIgnored_AndTheNextConnectionIdentifies()
    {
        // Like the Remora READY fixture: an https placeholder. Connecting to it would throw; it must not be used.
        await using var harness = await StartAsync();
        var first = await harness.NextConnectionAsync();
        await first.SendHelloAsync(QuietIntervalMs);
        await first.ExpectAsync(2, Wait);
        await first.SendReadyAsync(SessionId, new Uri("https://www.example.org"));
        await first.SendHeartbeatRequestAsync();
        await first.ExpectAsync(1, Wait);

        await first.SendReconnectAsync();

        var next = await harness.NextConnectionAsync();
        Assert.False(next.IsResumeUrl);
        await next.SendHelloAsync(QuietIntervalMs);
        await next.ExpectAsync(2, Wait);
        Assert.False(harness.Gateway.IsCompleted);
    }

    [Fact]
    public async Task UnreachableResumeUrl_GivesUpAfterAFewTries_AndIdentifiesOnGatewayUrl()
    {
        await using var harness = await StartAsync();
        var first = await harness.NextConnectionAsync();
        await first.SendHelloAsync(QuietIntervalMs);
        await first.ExpectAsync(2, Wait);

        // A resume URL on a port nobody listens on: every resume attempt fails to connect.
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var deadPort = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await first.SendReadyAsync(SessionId, new Uri($"ws://127.0.0.1:{deadPort}/"));
        await first.SendHeartbeatRequestAsync();
        await first.ExpectAsync(1, Wait);
        await first.CloseAsync(4000, "unknown error");

        var next = await harness.NextConnectionAsync();
        Assert.False(next.IsResumeUrl);
        await next.SendHelloAsync(QuietIntervalMs);
        await next.ExpectAsync(2, Wait);
        Assert.Equal(2, harness.Fake.ConnectionCount);
    }

    private static Task<int> SendGuildCreateAsync(FakeGatewayConnection connection) =>
        connection.SendDispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "290926798626357999", ["unavailable"] = true });
}
