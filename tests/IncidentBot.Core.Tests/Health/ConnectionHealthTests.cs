using IncidentBot.Core.Health;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Core.Tests.Health;

/// <summary>Chat connections report their state; only a failure for good counts against readiness.</summary>
public sealed class ConnectionHealthTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Empty_NothingFailed()
    {
        var health = new ConnectionHealth(_time);

        Assert.Empty(health.Connections);
        Assert.Empty(health.Failed);
    }

    [Theory]
    [InlineData(ConnectionState.Connecting)]
    [InlineData(ConnectionState.Connected)]
    [InlineData(ConnectionState.Reconnecting)]
    [InlineData(ConnectionState.Degraded)]
    public void NotFailedStates_DoNotCountAgainstReadiness(ConnectionState state)
    {
        var health = new ConnectionHealth(_time);

        health.Report("discord.shard.0", state, "why");

        Assert.Equal(state, Assert.Single(health.Connections).State);
        Assert.Empty(health.Failed);
    }

    [Fact]
    public void Failed_Listed_WithItsReason_OthersUnaffected()
    {
        var health = new ConnectionHealth(_time);
        health.Report("slack.socket", ConnectionState.Connected);

        health.Report("discord.shard.1", ConnectionState.Failed, "closed with 4004: authentication failed");

        var failed = Assert.Single(health.Failed);
        Assert.Equal("discord.shard.1", failed.Name);
        Assert.Equal("closed with 4004: authentication failed", failed.Detail);
        Assert.Equal(["discord.shard.1", "slack.socket"], health.Connections.Select(c => c.Name));
    }

    [Fact]
    public void SameState_KeepsSince_NewState_MovesIt()
    {
        var health = new ConnectionHealth(_time);
        health.Report("slack.socket", ConnectionState.Connected);
        var connectedAt = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromMinutes(5));
        health.Report("slack.socket", ConnectionState.Connected, "again");
        Assert.Equal(connectedAt, Assert.Single(health.Connections).Since);
        Assert.Equal("again", health.Connections[0].Detail);

        _time.Advance(TimeSpan.FromMinutes(1));
        health.Report("slack.socket", ConnectionState.Reconnecting, "dropped");
        Assert.Equal(_time.GetUtcNow(), health.Connections[0].Since);

        // Back up after a drop: no longer failed or reconnecting.
        health.Report("slack.socket", ConnectionState.Connected);
        Assert.Equal(ConnectionState.Connected, health.Connections[0].State);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void BlankName_IsABug(string name)
    {
        var health = new ConnectionHealth(_time);

        Assert.ThrowsAny<ArgumentException>(() => health.Report(name, ConnectionState.Connected));
    }
}
