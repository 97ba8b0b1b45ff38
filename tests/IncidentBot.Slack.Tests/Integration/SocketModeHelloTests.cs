namespace IncidentBot.Slack.Tests.Integration;

/// <summary>
/// Connecting (PROTOCOLS.md §7.3): apps.connections.open with the app-level token in <c>Authorization: Bearer</c>,
/// a WebSocket to the single-use URL it returns, and nothing used before Slack's <c>hello</c>.
/// </summary>
public sealed class SocketModeHelloTests
{
    private static readonly TimeSpan Wait = SocketModeHarness.Wait;

    [Fact]
    public async Task Start_WithAppToken_OpensUrlWithBearerAppTokenThenWaitsForHello()
    {
        await using var harness = await SocketModeHarness.StartAsync();

        var open = await harness.Fake.WaitForRequestAsync(SocketModeHarness.IsOpenCall, Wait);
        var connection = await harness.NextConnectionAsync();
        var connectedBeforeHello = harness.Logs.Contains("Slack Socket Mode connected");
        await connection.SendHelloAsync();
        await harness.Logs.WaitForAsync("Slack Socket Mode connected", Wait);
        await SocketModeHarness.ProbeAsync(connection);

        Assert.Equal("POST", open.Method);
        Assert.Equal("Bearer " + harness.Fake.AppToken, open.Header("Authorization"));
        Assert.StartsWith("Bearer xapp-", open.Header("Authorization"), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Fake.AppToken, open.Body, StringComparison.Ordinal);
        Assert.Matches(@"^\?ticket=\d+&app_id=A111$", connection.Query);
        Assert.False(connectedBeforeHello, "the client reported itself connected before Slack's hello");
        Assert.Equal(1, harness.OpenCalls);
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.True(connection.IsOpen);
        Assert.Empty(connection.Unexpected);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Message.Contains(harness.Fake.AppToken, StringComparison.Ordinal)
            || l.Message.Contains(harness.Fake.BotToken, StringComparison.Ordinal));
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Start_HelloSentOnConnectLikeRealSlack_IsReadyWithoutTestHelp()
    {
        await using var harness = await SocketModeHarness.StartAsync(configureFake: fake => fake.SendHelloOnConnect = true);

        var connection = await harness.NextConnectionAsync();

        // The fake's own hello races anything the test sends, so the test waits for the client to take it first.
        await harness.Logs.WaitForAsync("Slack Socket Mode connected", Wait);
        await SocketModeHarness.ProbeAsync(connection);

        Assert.Equal(1, harness.Fake.ConnectionCount);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Start_NoHelloWithinHelloTimeout_DropsItAndOpensAFreshUrl()
    {
        await using var harness = await SocketModeHarness.StartAsync();

        var silent = await harness.NextConnectionAsync();
        var next = await harness.NextConnectionAsync();
        await silent.WaitForClientCloseAsync(Wait);
        await next.SendHelloAsync();
        await SocketModeHarness.ProbeAsync(next);

        Assert.False(silent.IsOpen);
        Assert.True(next.IsOpen);
        Assert.Equal(2, harness.OpenCalls);
        Assert.NotEqual(silent.Query, next.Query);
        harness.AssertNoViolations(); // In particular, no ticket was used twice.
    }

    [Fact]
    public async Task Start_ApiBaseUrlWithoutTrailingSlash_StillCallsApiMethods()
    {
        await using var harness = await SocketModeHarness.StartAsync(
            fakeConfig: fake => [new("Slack:ApiBaseUrl", fake.ApiBaseUrl.AbsoluteUri.TrimEnd('/'))]);

        await harness.ConnectReadyAsync();

        Assert.Equal(1, harness.OpenCalls);
        harness.AssertNoViolations();
    }

    [Fact]
    public async Task Stop_WhileConnected_RunEndsWithCancellationAndClosesTheSocket()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        await harness.StopAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Run.WaitAsync(Wait));
        await connection.WaitForClientCloseAsync(Wait);
        Assert.False(connection.IsOpen);
        Assert.Equal(1, harness.OpenCalls);
    }
}
