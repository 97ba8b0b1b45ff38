using System.Diagnostics.Metrics;
using IncidentBot.Core.Telemetry;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Discord.Tests.Integration.Rest;

/// <summary>
/// 429s and empty buckets (PROTOCOLS.md §5). Waits that matter are observed on a fake clock: a request that
/// must wait is shown not to reach Discord until the clock is advanced past the reset.
/// </summary>
public sealed class DiscordRestRateLimitTests
{
    /// <summary>How long a blocked call is given to (wrongly) reach the fake before the clock moves.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task GetGatewayBotAsync_RouteRateLimited_WaitsRetriesAndSucceeds()
    {
        await using var harness = await RestHarness.StartAsync();
        using var limited = new MetricCollector<long>(harness.Services.GetRequiredService<IMeterFactory>(), IncidentBotMetrics.MeterName, "incidentbot.chat.api.rate_limited");
        harness.Fake.EnqueueRateLimit("GET", "/gateway/bot", 0.2);

        var result = await harness.Rest.GetGatewayBotAsync(harness.Timeout);
        var counted = Assert.Single(limited.GetMeasurementSnapshot());
        Assert.Equal("discord", counted.Tags["platform"]);
        Assert.Equal("route", counted.Tags["scope"]);

        Assert.True(result.IsSuccess, result.Result.ToString());
        Assert.Equal(2, harness.Fake.Requests.Count);
        Assert.All(harness.Fake.Requests, r => Assert.Equal("/api/v10/gateway/bot", r.Path));
        Assert.Contains(harness.Logs.Lines, l => l.Contains("Discord rate limit on GET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetCommandsAsync_AfterGlobal429OnAnotherRoute_WaitsForTheGlobalReset()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await RestHarness.StartAsync(time: time);
        harness.Fake.EnqueueRateLimit("GET", "/gateway/bot", 0.2, global: true);

        var limited = harness.Rest.GetGatewayBotAsync(harness.Timeout);
        await RestHarness.WaitUntilAsync(() => harness.State.GlobalBlockedUntil > time.GetUtcNow(), RestHarness.TestTimeout, "the global 429 to be recorded");
        var other = harness.Rest.GetCommandsAsync(harness.Fake.ApplicationId, null, harness.Timeout);
        await Task.Delay(Grace);

        Assert.Single(harness.Fake.Requests); // Only the 429: neither the retry nor the other route went out.
        Assert.False(other.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(250));
        var first = await limited.WaitAsync(RestHarness.TestTimeout);
        var second = await other.WaitAsync(RestHarness.TestTimeout);

        Assert.True(first.IsSuccess, first.Result.ToString());
        Assert.True(second.IsSuccess, second.Result.ToString());
        var requests = harness.Fake.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal("/api/v10/gateway/bot", requests[0].Path);
        Assert.Contains(requests.Skip(1), r => r.Path.EndsWith("/commands", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetGatewayBotAsync_BucketReportedEmpty_NextCallWaitsForTheReset()
    {
        // The fake counts RateLimitTracker.Limit (5) requests per route and second and sends
        // X-RateLimit-Remaining: 0 with X-RateLimit-Reset-After on the last one; it never enforces.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await RestHarness.StartAsync(time: time);
        for (var i = 0; i < 4 * RateLimitTracker.Limit && !BucketBlocked(harness.State, time); i++)
        {
            Assert.True((await harness.Rest.GetGatewayBotAsync(harness.Timeout)).IsSuccess);
        }

        Assert.True(BucketBlocked(harness.State, time), "the fake never answered X-RateLimit-Remaining: 0");
        var sent = harness.Fake.Requests.Count;
        var next = harness.Rest.GetGatewayBotAsync(harness.Timeout);
        await Task.Delay(Grace);

        Assert.Equal(sent, harness.Fake.Requests.Count);
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.1)); // The fake's window is one second.
        var result = await next.WaitAsync(RestHarness.TestTimeout);

        Assert.True(result.IsSuccess, result.Result.ToString());
        Assert.Equal(sent + 1, harness.Fake.Requests.Count);
    }

    private static bool BucketBlocked(DiscordRateLimitState state, TimeProvider time) =>
        state.BlockedUntil.Values.Any(until => until > time.GetUtcNow());
}
