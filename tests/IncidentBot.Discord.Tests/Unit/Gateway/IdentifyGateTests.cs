using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Tests.TestSupport;

namespace IncidentBot.Discord.Tests.Unit.Gateway;

public sealed class IdentifyGateTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task WaitAsync_FirstIdentify_CompletesAtOnce()
    {
        var time = FakeClock.Create();
        using var gate = new IdentifyGate(1, Window, time);

        var first = gate.WaitAsync(0, CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        await first;
    }

    [Fact]
    public async Task WaitAsync_SecondIdentifySameBucket_WaitsTheWholeWindow()
    {
        var time = FakeClock.Create();
        using var gate = new IdentifyGate(1, Window, time);
        await gate.WaitAsync(0, CancellationToken.None);
        var start = time.GetUtcNow();

        var second = gate.WaitAsync(1, CancellationToken.None);
        Assert.False(second.IsCompleted);
        time.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Window, time.GetUtcNow() - start);
    }

    [Fact]
    public async Task WaitAsync_SecondIdentifyAfterTheWindow_DoesNotWait()
    {
        var time = FakeClock.Create();
        using var gate = new IdentifyGate(1, Window, time);
        await gate.WaitAsync(0, CancellationToken.None);
        time.Advance(Window);

        var second = gate.WaitAsync(0, CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        await second;
    }

    [Fact]
    public async Task WaitAsync_DifferentBuckets_DoNotWaitOnEachOther()
    {
        var time = FakeClock.Create();
        using var gate = new IdentifyGate(2, Window, time);

        // max_concurrency 2: shard 0 and 1 are buckets 0 and 1; shard 2 shares bucket 0 with shard 0.
        var shard0 = gate.WaitAsync(0, CancellationToken.None);
        var shard1 = gate.WaitAsync(1, CancellationToken.None);
        var shard2 = gate.WaitAsync(2, CancellationToken.None);

        Assert.True(shard0.IsCompletedSuccessfully);
        Assert.True(shard1.IsCompletedSuccessfully);
        Assert.False(shard2.IsCompleted);
        time.Advance(Window);
        await shard2.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_ThreeInOneBucket_AreSpacedByTheWindowEach()
    {
        var time = FakeClock.Create();
        using var gate = new IdentifyGate(1, Window, time);
        var start = time.GetUtcNow();
        await gate.WaitAsync(0, CancellationToken.None);

        var second = Stamp(gate.WaitAsync(0, CancellationToken.None));
        var third = Stamp(gate.WaitAsync(0, CancellationToken.None));
        await time.AdvanceUntilDoneAsync(Task.WhenAll(second, third), TimeSpan.FromMilliseconds(500));

        // Lower bounds: the clock only moves forward in steps, so a late continuation can only add time.
        var times = new[] { await second, await third }.Order().ToArray();
        Assert.True(times[0] >= Window, $"second identify after {times[0]}");
        Assert.True(times[1] >= 2 * Window, $"third identify after {times[1]}");

        async Task<TimeSpan> Stamp(Task wait)
        {
            await wait;
            return time.GetUtcNow() - start;
        }
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileWaiting_ThrowsAndFreesTheBucket()
    {
        var time = FakeClock.Create();
        using var gate = new IdentifyGate(1, Window, time);
        await gate.WaitAsync(0, CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var waiting = gate.WaitAsync(0, cts.Token);
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));

        // The cancelled identify booked no slot and released the bucket: once the first identify's window
        // is over, the next one goes at once.
        time.Advance(Window - TimeSpan.FromSeconds(1));
        var next = gate.WaitAsync(0, CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        await next;
    }

    [Fact]
    public async Task WaitAsync_AlreadyCancelled_Throws()
    {
        var time = FakeClock.Create();
        using var gate = new IdentifyGate(1, Window, time);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.WaitAsync(0, new CancellationToken(canceled: true)));
    }
}
