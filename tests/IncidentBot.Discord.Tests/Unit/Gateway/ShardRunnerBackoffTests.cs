using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Discord.Tests.Unit.Gateway;

public sealed class ShardRunnerBackoffTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(8, 60)]
    [InlineData(100, 60)]
    [InlineData(int.MaxValue, 60)]
    public void Backoff_MidJitter_DoublesFromOneSecondAndCapsAtSixty(int failures, int expectedSeconds)
    {
        using var runner = Runner(() => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), runner.Value.Backoff(failures));
    }

    [Theory]
    [InlineData(1, 0.75)]
    [InlineData(2, 1.5)]
    [InlineData(4, 6)]
    [InlineData(7, 48)]
    [InlineData(8, 60)]
    public void Backoff_LowestJitter_IsThreeQuartersOfTheStep(int failures, double expectedSeconds)
    {
        using var runner = Runner(() => 0.0);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), runner.Value.Backoff(failures));
    }

    [Theory]
    [InlineData(1, 1.25)]
    [InlineData(3, 5)]
    [InlineData(6, 40)]
    [InlineData(7, 60)]
    public void Backoff_HighestJitter_StaysBelowFiveQuartersOfTheStep(int failures, double bound)
    {
        // Random() = 1.0 is clamped to just under 1: the jitter range is [0.75, 1.25).
        using var runner = Runner(() => 1.0);

        var delay = runner.Value.Backoff(failures);

        Assert.True(delay <= TimeSpan.FromSeconds(bound), $"{delay} > {bound} s");
        Assert.True(delay > TimeSpan.FromSeconds(bound * 0.99), $"{delay} is not near {bound} s");
    }

    [Fact]
    public void Backoff_RandomJitter_StaysWithinPlusMinus25Percent()
    {
        var random = new Random(1234);
        using var runner = Runner(random.NextDouble);

        for (var failures = 1; failures <= 6; failures++)
        {
            var step = TimeSpan.FromSeconds(Math.Pow(2, failures - 1));
            for (var i = 0; i < 200; i++)
            {
                var delay = runner.Value.Backoff(failures);
                Assert.InRange(delay, step * 0.75, step * 1.25);
            }
        }
    }

    [Fact]
    public void Backoff_RandomOutOfRange_IsClampedIntoTheJitterRange()
    {
        using var low = Runner(() => -3);
        using var high = Runner(() => 42);

        Assert.Equal(TimeSpan.FromSeconds(0.75), low.Value.Backoff(1));
        Assert.InRange(high.Value.Backoff(1), TimeSpan.FromSeconds(1.24), TimeSpan.FromSeconds(1.25));
    }

    [Fact]
    public void Backoff_CustomTimings_UseBaseAndCap()
    {
        var timings = new GatewayTimings { BackoffBase = TimeSpan.FromMilliseconds(10), BackoffCap = TimeSpan.FromMilliseconds(50) };
        using var runner = Runner(() => 0.5, timings);

        Assert.Equal(TimeSpan.FromMilliseconds(10), runner.Value.Backoff(1));
        Assert.Equal(TimeSpan.FromMilliseconds(40), runner.Value.Backoff(3));
        Assert.Equal(TimeSpan.FromMilliseconds(50), runner.Value.Backoff(4));
    }

    private static OwnedRunner Runner(Func<double> random, GatewayTimings? timings = null)
    {
        var gate = new IdentifyGate(1, TimeSpan.FromSeconds(5), TimeProvider.System);
        var shard = new ShardContext(0, 1, "token", gate, NullEventSink.Instance, (timings ?? new GatewayTimings()) with { Random = random }, TimeProvider.System);
        return new OwnedRunner(new ShardRunner(shard, () => throw new InvalidOperationException("no connections in these tests"), NullLogger.Instance), gate);
    }

    private sealed class OwnedRunner(ShardRunner value, IdentifyGate gate) : IDisposable
    {
        public ShardRunner Value { get; } = value;

        public void Dispose() => gate.Dispose();
    }
}
