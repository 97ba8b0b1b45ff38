using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IncidentBot.TestSupport;

/// <summary>Helpers for code that waits on a <see cref="FakeTimeProvider"/>.</summary>
public static class FakeClock
{
    /// <summary>A fake clock at a fixed, readable instant.</summary>
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2025, 3, 14, 7, 26, 0, TimeSpan.Zero));

    /// <summary>A fake clock at <paramref name="unixSeconds"/>.</summary>
    public static FakeTimeProvider AtUnixSeconds(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/> until <paramref name="task"/> completes (letting
    /// continuations run between steps), then awaits it. Fails after <paramref name="maxSteps"/> steps.
    /// </summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 1000)
    {
        await AdvanceUntilDoneAsync(time, (Task)task, step, maxSteps);
        return await task;
    }

    public static async Task AdvanceUntilDoneAsync(this FakeTimeProvider time, Task task, TimeSpan step, int maxSteps = 1000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            // Give continuations already scheduled a chance before moving the clock.
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted)
            {
                time.Advance(step);
            }
        }

        await task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Advances <paramref name="time"/> by <paramref name="step"/> until <paramref name="condition"/> holds.</summary>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider time, Func<bool> condition, TimeSpan step, string what, int maxSteps = 1000)
    {
        for (var i = 0; i < maxSteps && !condition(); i++)
        {
            await Task.Delay(5);
            if (!condition())
            {
                time.Advance(step);
            }
        }

        Assert.True(condition(), "Gave up advancing the clock until " + what);
    }

    /// <summary>Waits (real time, bounded) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting until " + what);
            await Task.Delay(2);
        }
    }
}
