using IncidentBot.Discord.Gateway;

namespace IncidentBot.Discord.Tests.Unit.Gateway;

public sealed class HeartbeaterTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 7, 26, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(41_250);

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 20_625)]
    [InlineData(0.25, 10_312.5)]
    [InlineData(0.999, 41_208.75)]
    public void FirstDelay_Jitter_IsIntervalTimesJitter(double jitter, double expectedMs)
    {
        var heartbeater = new Heartbeater(Interval, jitter);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), heartbeater.FirstDelay);
        Assert.Equal(Interval, heartbeater.Interval);
    }

    [Fact]
    public void TryBeat_FirstBeat_IsAllowed()
    {
        var heartbeater = new Heartbeater(Interval, 0.5);

        Assert.True(heartbeater.TryBeat(T0));
        Assert.Null(heartbeater.Latency);
    }

    [Fact]
    public void TryBeat_PreviousBeatNotAcked_ReturnsFalseZombie()
    {
        var heartbeater = new Heartbeater(Interval, 0.5);
        heartbeater.TryBeat(T0);

        Assert.False(heartbeater.TryBeat(T0 + Interval));
        Assert.False(heartbeater.TryBeat(T0 + (2 * Interval)));
    }

    [Fact]
    public void Acked_AfterBeat_NextBeatAllowedAndLatencyMeasured()
    {
        var heartbeater = new Heartbeater(Interval, 0.5);
        heartbeater.TryBeat(T0);

        heartbeater.Acked(T0 + TimeSpan.FromMilliseconds(87));

        Assert.Equal(TimeSpan.FromMilliseconds(87), heartbeater.Latency);
        Assert.True(heartbeater.TryBeat(T0 + Interval));
    }

    [Fact]
    public void Acked_Twice_SecondAckDoesNotChangeLatency()
    {
        var heartbeater = new Heartbeater(Interval, 0.5);
        heartbeater.TryBeat(T0);
        heartbeater.Acked(T0 + TimeSpan.FromMilliseconds(40));

        heartbeater.Acked(T0 + TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromMilliseconds(40), heartbeater.Latency);
    }

    [Fact]
    public void Acked_WithoutBeat_LeavesLatencyUnknown()
    {
        var heartbeater = new Heartbeater(Interval, 0.5);

        heartbeater.Acked(T0);

        Assert.Null(heartbeater.Latency);
        Assert.True(heartbeater.TryBeat(T0));
    }

    [Fact]
    public void AckWithoutOutstandingBeat_AsForABeatDiscordAskedFor_NextBeatAllowedAndLatencyKept()
    {
        // Beats Discord asks for (op 1) are not tracked: their ACK arrives with no timer beat outstanding.
        var heartbeater = new Heartbeater(Interval, 0.5);
        Assert.True(heartbeater.TryBeat(T0));
        heartbeater.Acked(T0 + TimeSpan.FromMilliseconds(50));

        heartbeater.Acked(T0 + TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromMilliseconds(50), heartbeater.Latency);
        Assert.True(heartbeater.TryBeat(T0 + Interval));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(-0.01)]
    public void Constructor_JitterOutsideZeroToOne_Throws(double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Heartbeater(Interval, jitter));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositiveInterval_Throws(int intervalMs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Heartbeater(TimeSpan.FromMilliseconds(intervalMs), 0.5));
    }
}
