using System.Diagnostics.Metrics;
using IncidentBot.Core.Health;
using IncidentBot.Core.Telemetry;
using IncidentBot.Slack.SocketMode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace IncidentBot.Slack.Tests.Integration;

/// <summary>
/// The Socket Mode connection reports its state for readiness (connected, reconnecting, failed for good) and
/// counts reconnects for <c>/metrics</c>; a disconnect Slack asked for is a handover, not a drop.
/// </summary>
public sealed class SocketModeHealthMetricsTests
{
    private static readonly TimeSpan Wait = SocketModeHarness.Wait;

    [Fact]
    public async Task Drop_ReportsReconnecting_CountsOneReconnect_ThenConnectedAgain()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var health = harness.Services.GetRequiredService<ConnectionHealth>();
        using var reconnects = new MetricCollector<long>(harness.Services.GetRequiredService<IMeterFactory>(), IncidentBotMetrics.MeterName, "incidentbot.chat.reconnects");
        var first = await harness.ConnectReadyAsync();
        await harness.EventuallyAsync(() => State(health) == ConnectionState.Connected, "connected");

        first.Abort();
        await harness.EventuallyAsync(() => State(health) == ConnectionState.Reconnecting, "reconnecting");
        await harness.ConnectReadyAsync();
        await harness.EventuallyAsync(() => State(health) == ConnectionState.Connected, "connected again");

        var counted = Assert.Single(reconnects.GetMeasurementSnapshot());
        Assert.Equal("slack", counted.Tags["platform"]);
        Assert.Empty(health.Failed);
    }

    [Fact]
    public async Task RequestedDisconnect_NotCountedAsAReconnect()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        using var reconnects = new MetricCollector<long>(harness.Services.GetRequiredService<IMeterFactory>(), IncidentBotMetrics.MeterName, "incidentbot.chat.reconnects");
        var old = await harness.ConnectReadyAsync();

        await old.SendDisconnectAsync("refresh_requested");
        var fresh = await harness.NextConnectionAsync();
        await fresh.SendHelloAsync();
        await old.WaitForClientCloseAsync(Wait);
        await SocketModeHarness.ProbeAsync(fresh);

        Assert.Empty(reconnects.GetMeasurementSnapshot());
        Assert.Equal(ConnectionState.Connected, State(harness.Services.GetRequiredService<ConnectionHealth>()));
    }

    [Fact]
    public async Task LinkDisabled_ReportsFailed()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var connection = await harness.ConnectReadyAsync();

        await connection.SendDisconnectAsync("link_disabled");
        await harness.Run.WaitAsync(Wait);

        var failed = Assert.Single(harness.Services.GetRequiredService<ConnectionHealth>().Failed);
        Assert.Equal(SocketModeClient.HealthName, failed.Name);
        Assert.Contains("link_disabled", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppTokenRefused_ReportsFailedNamingTheSetting()
    {
        await using var harness = await SocketModeHarness.StartAsync(configureFake: fake => fake.EnqueueApiError("apps.connections.open", "invalid_auth"));

        await harness.Run.WaitAsync(Wait);

        var failed = Assert.Single(harness.Services.GetRequiredService<ConnectionHealth>().Failed);
        Assert.Contains("Slack:AppToken", failed.Detail, StringComparison.Ordinal);
    }

    private static ConnectionState? State(ConnectionHealth health) =>
        health.Connections.SingleOrDefault(c => c.Name == SocketModeClient.HealthName)?.State;
}
