using System.Diagnostics;
using IncidentBot.Core.Conversations;

namespace IncidentBot.Core.Tests.Conversations;

/// <summary>Each user gets <c>permitLimit</c> questions per sliding window, independently of other users.</summary>
public sealed class UserRateLimiterTests
{
    [Fact]
    public void TryAcquire_UpToTheLimit_AllowsThenDenies()
    {
        using var limiter = new UserRateLimiter(3, TimeSpan.FromMinutes(1));

        Assert.True(limiter.TryAcquire("discord:1", out var first));
        Assert.True(limiter.TryAcquire("discord:1", out _));
        Assert.True(limiter.TryAcquire("discord:1", out _));
        var denied = !limiter.TryAcquire("discord:1", out var retryAfter);

        Assert.Equal(TimeSpan.Zero, first);
        Assert.True(denied);
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void TryAcquire_SeparateUsers_AreIndependent()
    {
        using var limiter = new UserRateLimiter(1, TimeSpan.FromMinutes(1));

        Assert.True(limiter.TryAcquire("discord:1", out _));
        Assert.False(limiter.TryAcquire("discord:1", out _));

        Assert.True(limiter.TryAcquire("discord:2", out _));
        Assert.True(limiter.TryAcquire("slack:1", out _));
    }

    [Fact]
    public async Task TryAcquire_AfterTheWindow_AllowsAgain()
    {
        using var limiter = new UserRateLimiter(2, TimeSpan.FromMilliseconds(300));
        Assert.True(limiter.TryAcquire("discord:1", out _));
        Assert.True(limiter.TryAcquire("discord:1", out _));
        Assert.False(limiter.TryAcquire("discord:1", out _));

        var clock = Stopwatch.StartNew();
        var allowed = false;
        while (!allowed && clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            await Task.Delay(50);
            allowed = limiter.TryAcquire("discord:1", out _);
        }

        Assert.True(allowed);
    }

    [Fact]
    public void TryAcquire_SlidingWindow_RetryAfterIsWhenTheOldestPermitExpires()
    {
        var time = new ManualTimeProvider();
        using var limiter = new UserRateLimiter(2, TimeSpan.FromSeconds(60), time);
        Assert.True(limiter.TryAcquire("discord:1", out _));
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.True(limiter.TryAcquire("discord:1", out _));

        Assert.False(limiter.TryAcquire("discord:1", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(20), retryAfter);

        // Only the first permit has left the window: one more question, then denied for 40 s.
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(limiter.TryAcquire("discord:1", out _));
        Assert.False(limiter.TryAcquire("discord:1", out retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
    }

    [Fact]
    public void TryAcquire_UsersIdleForAWindow_AreForgotten()
    {
        var time = new ManualTimeProvider();
        using var limiter = new UserRateLimiter(1, TimeSpan.FromSeconds(10), time);
        for (var i = 0; i < 100; i++)
        {
            limiter.TryAcquire("discord:" + i, out _);
        }

        time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(limiter.TryAcquire("discord:new", out _));

        Assert.Equal(1, limiter.TrackedUsers);
    }

    [Fact]
    public async Task TryAcquire_ConcurrentCallsForOneUser_AllowExactlyTheLimit()
    {
        using var limiter = new UserRateLimiter(5, TimeSpan.FromMinutes(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => limiter.TryAcquire("discord:1", out _))));

        Assert.Equal(5, results.Count(allowed => allowed));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TryAcquire_NoLimit_AlwaysAllows(int permitLimit)
    {
        using var limiter = new UserRateLimiter(permitLimit, TimeSpan.Zero);

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(limiter.TryAcquire("discord:1", out var retryAfter));
            Assert.Equal(TimeSpan.Zero, retryAfter);
        }
    }

    [Fact]
    public void Constructor_LimitWithoutAWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UserRateLimiter(3, TimeSpan.Zero));
    }
}
