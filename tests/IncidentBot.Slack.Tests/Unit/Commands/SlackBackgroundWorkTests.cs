using IncidentBot.Slack.Commands;
using IncidentBot.Slack.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Slack.Tests.Unit.Commands;

public sealed class SlackBackgroundWorkTests : IDisposable
{
    private readonly SlackBackgroundWork _work = new(NullLogger<SlackBackgroundWork>.Instance);

    public void Dispose() => _work.Dispose();

    [Fact]
    public void Track_CompletedTask_NotCounted()
    {
        _work.Track(Task.CompletedTask);

        Assert.Equal(0, _work.Count);
    }

    [Fact]
    public async Task Track_RunningTask_CountedUntilItEnds()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        _work.Track(gate.Task);
        Assert.Equal(1, _work.Count);
        gate.SetResult();

        await FakeClock.WaitUntilAsync(() => _work.Count == 0, "the finished task is forgotten");
    }

    [Fact]
    public async Task Track_FaultedTask_ForgottenWithoutThrowing()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        _work.Track(gate.Task);
        gate.SetException(new InvalidOperationException("boom"));

        await FakeClock.WaitUntilAsync(() => _work.Count == 0, "the faulted task is forgotten");
        await _work.DrainAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DrainAsync_WaitsForRunningWorkThenCancelsStopping()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawStopping = false;
        _work.Track(Work());

        var drain = _work.DrainAsync(TimeSpan.FromSeconds(30));
        gate.SetResult();
        await drain.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(sawStopping);
        Assert.True(_work.Stopping.IsCancellationRequested);

        async Task Work()
        {
            await gate.Task;
            sawStopping = _work.Stopping.IsCancellationRequested;
        }
    }

    [Fact]
    public async Task DrainAsync_WorkOutlivingTheTimeout_Cancelled()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Track(Work());

        await _work.DrainAsync(TimeSpan.FromMilliseconds(20)).WaitAsync(TimeSpan.FromSeconds(10));

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));

        async Task Work()
        {
            try
            {
                await Task.Delay(Timeout.Infinite, _work.Stopping);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
            }
        }
    }

    [Fact]
    public async Task DrainAsync_Nothing_CancelsStoppingAtOnce()
    {
        await _work.DrainAsync(TimeSpan.FromSeconds(30)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(_work.Stopping.IsCancellationRequested);
    }

    [Fact]
    public async Task DrainAsync_WorkTrackedWhileDraining_AlsoWaitedFor()
    {
        // A Socket Mode envelope still inside its 2 s reply budget at shutdown hands its late reply over to a new
        // tracked task (SlackResponder.PostLaterAsync) and ends. Draining must wait for that reply as well, within
        // its timeout, instead of cancelling it as soon as the envelope's own task is done.
        var outerGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var innerGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handedOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Track(Outer());

        var drain = _work.DrainAsync(TimeSpan.FromSeconds(30));
        outerGate.SetResult();
        await handedOver.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The late reply is still running: draining is not over and has not cancelled it. (A wrong drain ends
        // within microseconds of the outer task; the short wait only gives it the chance to show.)
        await Task.WhenAny(drain, Task.Delay(TimeSpan.FromMilliseconds(300)));
        var endedEarly = drain.IsCompleted;
        var cancelledEarly = _work.Stopping.IsCancellationRequested;
        innerGate.SetResult();
        await drain.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(endedEarly, "DrainAsync returned while tracked work was still running (well inside its timeout)");
        Assert.False(cancelledEarly, "DrainAsync cancelled Stopping while tracked work was still running (well inside its timeout)");

        async Task Outer()
        {
            await outerGate.Task;
            _work.Track(innerGate.Task);
            handedOver.SetResult();
        }
    }
}
