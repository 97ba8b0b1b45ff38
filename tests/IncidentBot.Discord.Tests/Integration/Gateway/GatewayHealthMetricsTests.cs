using System.Diagnostics.Metrics;
using IncidentBot.Core.Health;
using IncidentBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static IncidentBot.Discord.Tests.Integration.Gateway.GatewayHarness;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>
/// Each shard reports its state for readiness (connecting, connected, reconnecting, failed for good) and counts
/// reconnects and resumes for <c>/metrics</c>.
/// </summary>
public sealed class GatewayHealthMetricsTests
{
    [Fact]
    public async Task ReadyDropResume_ReportsEachState_CountsOneReconnectAndOneResume()
    {
        await using var harness = await StartAsync();
        var health = harness.Services.GetRequiredService<ConnectionHealth>();
        var meters = harness.Services.GetRequiredService<IMeterFactory>();
        using var reconnects = new MetricCollector<long>(meters, IncidentBotMetrics.MeterName, "incidentbot.chat.reconnects");
        using var resumes = new MetricCollector<long>(meters, IncidentBotMetrics.MeterName, "incidentbot.chat.resumes");

        var (first, _) = await harness.ConnectReadyAsync();
        await WaitForStateAsync(health, ConnectionState.Connected);

        await first.SendReconnectAsync();
        await first.WaitForClientCloseAsync(Wait);
        var second = await harness.NextConnectionAsync();
        var dropped = Assert.Single(health.Connections);
        Assert.Equal(ConnectionState.Reconnecting, dropped.State);
        Assert.False(string.IsNullOrEmpty(dropped.Detail));
        Assert.Empty(health.Failed);

        second.LastSequence = first.LastSequence;
        await second.SendHelloAsync(QuietIntervalMs);
        await second.ExpectAsync(6, Wait);
        await second.SendResumedAsync();
        var resumed = await WaitForStateAsync(health, ConnectionState.Connected);

        Assert.Equal("discord.shard.0", resumed.Name);
        var reconnect = Assert.Single(reconnects.GetMeasurementSnapshot());
        Assert.Equal("discord", reconnect.Tags["platform"]);
        Assert.Single(resumes.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task FatalClose_ReportsFailedWithTheCloseCode()
    {
        await using var harness = await StartAsync();
        var health = harness.Services.GetRequiredService<ConnectionHealth>();
        var connection = await harness.NextConnectionAsync();
        await connection.SendHelloAsync(QuietIntervalMs);
        await connection.ExpectAsync(2, Wait);

        await connection.CloseAsync(4004, "Authentication failed.");
        await harness.Gateway.WaitAsync(Wait);

        var failed = Assert.Single(health.Failed);
        Assert.Equal("discord.shard.0", failed.Name);
        Assert.Contains("4004", failed.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Fake.Token, failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenRefusedByGetGatewayBot_ReportsTheGatewayFailed()
    {
        await using var harness = await StartAsync(config: [new("Discord:Token", "a-token-discord-does-not-know")]);

        await harness.Gateway.WaitAsync(Wait);

        var failed = Assert.Single(harness.Services.GetRequiredService<ConnectionHealth>().Failed);
        Assert.Equal("discord.gateway", failed.Name);
        Assert.Contains("401", failed.Detail, StringComparison.Ordinal);
    }

    private static async Task<ConnectionStatus> WaitForStateAsync(ConnectionHealth health, ConnectionState state)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            if (health.Connections.SingleOrDefault(c => c.State == state) is { } status)
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No connection reached {state}: {string.Join(", ", health.Connections)}");
            await Task.Delay(10);
        }
    }
}
