using System.Net;
using IncidentBot.Core.Health;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Http;

/// <summary>
/// <c>/readyz</c> lists every chat connection's state; one that failed for good makes the service not ready,
/// while a drop being retried or a degraded extra does not. <c>/healthz</c> stays 200 throughout.
/// </summary>
public sealed class HttpReadinessTests
{
    [Fact]
    public async Task NoChatConfigured_ReadyWithNoConnections()
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await service.GetJsonAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("connections").GetArrayLength());
    }

    [Theory]
    [InlineData(ConnectionState.Connecting, "Connecting")]
    [InlineData(ConnectionState.Reconnecting, "Reconnecting")]
    [InlineData(ConnectionState.Degraded, "Degraded")]
    public async Task TransientOrDegradedConnection_StillReady_AndListed(ConnectionState state, string name)
    {
        await using var service = await RunningService.StartAsync();
        service.Services.GetRequiredService<ConnectionHealth>().Report("slack.socket", state, "network unreachable");

        var (status, body) = await service.GetJsonAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        var connection = Assert.Single(body.GetProperty("connections").EnumerateArray());
        Assert.Equal("slack.socket", connection.GetProperty("name").GetString());
        Assert.Equal(name, connection.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ConnectionFailedForGood_NotReady_NamesItAndWhy_LivenessUnaffected_AnswersContinue()
    {
        await using var service = await RunningService.StartAsync();
        var health = service.Services.GetRequiredService<ConnectionHealth>();
        health.Report("slack.socket", ConnectionState.Connected);
        health.Report("discord.shard.0", ConnectionState.Failed, "closed with 4004: authentication failed");

        var (status, body) = await service.GetJsonAsync("/readyz");
        var (live, _) = await service.GetJsonAsync("/healthz");
        var (asked, _) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("failed", body.GetProperty("status").GetString());
        Assert.Contains("discord.shard.0", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("4004", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, body.GetProperty("connections").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal(HttpStatusCode.OK, asked);

        // Recovered (a restart with a fixed token would start clean; a state change is enough here).
        health.Report("discord.shard.0", ConnectionState.Connected);
        Assert.Equal(HttpStatusCode.OK, (await service.GetJsonAsync("/readyz")).Status);
    }
}
