using IncidentBot.Slack.SocketMode;
using IncidentBot.Slack.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Slack.Tests.Unit.SocketMode;

/// <summary>Reconnect delays: base × 2^(n−1), capped, with equal jitter (a random point in [step/2, step]).</summary>
public sealed class SocketModeClientBackoffTests : IndexHarnessTests
{
    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.5, 750)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(2, 1.0, 2000)]
    [InlineData(3, 1.0, 4000)]
    [InlineData(6, 1.0, 32_000)]
    [InlineData(7, 1.0, 60_000)]
    [InlineData(7, 0.0, 30_000)]
    [InlineData(50, 1.0, 60_000)]
    [InlineData(int.MaxValue, 0.0, 30_000)]
    [InlineData(0, 1.0, 1000)]
    [InlineData(-3, 1.0, 1000)]
    [InlineData(1, -1.0, 500)]
    [InlineData(1, 2.0, 1000)]
    public void Backoff_EqualJitterOfTheCappedStep(int failures, double random, int expectedMs)
    {
        using var rig = new SlackRig(Harness);
        var client = CreateClient(rig, new SocketModeTimings
        {
            BackoffBase = TimeSpan.FromSeconds(1),
            BackoffCap = TimeSpan.FromSeconds(60),
            Random = () => random,
        });

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), client.Backoff(failures));
    }

    [Fact]
    public void Backoff_RealRandom_WithinHalfStepAndStepAndNeverAboveTheCap()
    {
        using var rig = new SlackRig(Harness);
        var timings = new SocketModeTimings { BackoffBase = TimeSpan.FromMilliseconds(250), BackoffCap = TimeSpan.FromSeconds(10) };
        var client = CreateClient(rig, timings);
        for (var failures = 1; failures <= 40; failures++)
        {
            var step = TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, Math.Min(failures - 1, 16)), 10_000));
            for (var i = 0; i < 50; i++)
            {
                var delay = client.Backoff(failures);

                Assert.InRange(delay, step / 2, step);
                Assert.True(delay <= timings.BackoffCap);
            }
        }
    }

    [Fact]
    public void Backoff_DefaultTimings_OneSecondBaseSixtySecondCap()
    {
        using var rig = new SlackRig(Harness);
        var client = CreateClient(rig, new SocketModeTimings { Random = () => 1.0 });

        Assert.Equal(TimeSpan.FromSeconds(1), client.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(60), client.Backoff(30));
    }

    private static SocketModeClient CreateClient(SlackRig rig, SocketModeTimings timings) =>
        new(rig.Api, rig.CreateEnvelopeHandler(), timings, rig.Time, NullLogger<SocketModeClient>.Instance);
}
