using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Discord.Tests.Unit.Gateway;

public sealed class ShardRunnerBackoffTests
{
    [Theory]
    [InlineData(0, 0.75)]
    [InlineData(1, 0.75)]
    [InlineData(2, 1.5)]
    [InlineData(3, 3)]
    [InlineData(4, 6)]
    [InlineData(6, 24)]
    [InlineData(7, 45)]
    [InlineData(100, 45)]
    [InlineData(int.MaxValue, 45)]
    public void Backoff_MidJitter_ThreeQuartersOfADoublingStepCappedAtSixty(int failures, double expectedSeconds)
    {
        using var runner = Runner(() => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), runner.Value.Backoff(failures));
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(4, 4)]
    [InlineData(7, 30)]
    [InlineData(8, 30)]
    public void Backoff_LowestJitter_IsHalfTheStep(int failures, double expectedSeconds)
    {
        using var runner = Runner(() => 0.0);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), runner.Value.Backoff(failures));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(50, 60)]
    public void Backoff_HighestJitter_ReachesTheStepButNeverTheCapPlusJitter(int failures, double bound)
    {
        // Random() = 1.0 is clamped to just under 1.
        using var runner = Runner(() => 1.0);

        var delay = runner.Value.Backoff(failures);

        Assert.True(delay <= TimeSpan.FromSeconds(bound), $"{delay} > {bound} s");
        Assert.True(delay > TimeSpan.FromSeconds(bound * 0.99), $"{delay} is not near {bound} s");
    }

    [Fact]
    public void Backoff_RandomJitter_StaysInTheUpperHalfOfTheStepAndUnderTheCap()
    {
        var random = new Random(1234);
        using var runner = Runner(random.NextDouble);

        for (var failures = 1; failures <= 10; failures++)
        {
            var step = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures - 1)));
            for (var i = 0; i < 200; i++)
            {
                var delay = runner.Value.Backoff(failures);
                Assert.InRange(delay, step * 0.5, step);
            }
        }
    }

    [Fact]
    public void Backoff_AtTheCap_ShardsDoNotReconnectInStep()
    {
        var random = new Random(99);
        using var runner = Runner(random.NextDouble);

        var delays = Enumerable.Range(0, 20).Select(_ => runner.Value.Backoff(20)).Distinct().Count();

        Assert.True(delays > 15, $"only {delays} distinct delays at the cap");
    }

    [Fact]
    public void Backoff_RandomOutOfRange_IsClampedIntoTheJitterRange()
    {
        using var low = Runner(() => -3);
        using var high = Runner(() => 42);

        Assert.Equal(TimeSpan.FromSeconds(0.5), low.Value.Backoff(1));
        Assert.InRange(high.Value.Backoff(1), TimeSpan.FromSeconds(0.99), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Backoff_CustomTimings_UseBaseAndCap()
    {
        var timings = new GatewayTimings { BackoffBase = TimeSpan.FromMilliseconds(10), BackoffCap = TimeSpan.FromMilliseconds(50) };
        using var runner = Runner(() => 0.5, timings);

        Assert.Equal(TimeSpan.FromMilliseconds(7.5), runner.Value.Backoff(1));
        Assert.Equal(TimeSpan.FromMilliseconds(30), runner.Value.Backoff(3));
        Assert.Equal(TimeSpan.FromMilliseconds(37.5), runner.Value.Backoff(4));
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
