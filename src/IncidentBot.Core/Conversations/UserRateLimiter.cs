using System.Collections.Concurrent;

namespace IncidentBot.Core.Conversations;

/// <summary>
/// Limits how many questions each chat user may ask per sliding time window, so one user (or a script)
/// cannot monopolise the bot. Chat-neutral: callers key users by platform, e.g. <c>discord:123</c>.
/// </summary>
/// <remarks>
/// <para>
/// A sliding log (the times of each user's last <c>permitLimit</c> questions) rather than a fixed window,
/// so a burst straddling a window boundary cannot get twice the limit through, and the wait reported is
/// exact. No queueing: a chat user should be told at once to wait, not left hanging. Each chat adapter
/// makes its own instance from its own settings.
/// </para>
/// <para>
/// Hand-written rather than <c>System.Threading.RateLimiting</c>: that assembly is not part of the
/// <c>Microsoft.NETCore.App</c> framework (only of ASP.NET Core's), and the core library takes no package for it.
/// </para>
/// </remarks>
public sealed class UserRateLimiter : IDisposable
{
    private readonly ConcurrentDictionary<string, UserLog> _users = new(StringComparer.Ordinal);
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private long _nextSweep;
    private volatile bool _disposed;

    /// <param name="permitLimit">Questions allowed per user per window; 0 or less means unlimited.</param>
    /// <param name="window">Length of the sliding window; must be positive when there is a limit.</param>
    public UserRateLimiter(int permitLimit, TimeSpan window)
        : this(permitLimit, window, TimeProvider.System)
    {
    }

    /// <summary>Test seam: a limiter on a controllable clock.</summary>
    internal UserRateLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        if (permitLimit > 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        }

        _permitLimit = permitLimit;
        _window = window;
        _time = time;
        _nextSweep = time.GetTimestamp();
    }

    /// <summary>Users with a log in memory (test seam for the idle sweep).</summary>
    internal int TrackedUsers => _users.Count;

    /// <summary>Takes one permit for <paramref name="userKey"/>.</summary>
    /// <param name="userKey">The user, qualified by platform (e.g. <c>discord:123</c>).</param>
    /// <param name="retryAfter">When denied, how long until asking again will succeed; otherwise zero.</param>
    /// <returns>True when the user may ask now.</returns>
    public bool TryAcquire(string userKey, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        ObjectDisposedException.ThrowIf(_disposed, this);
        retryAfter = TimeSpan.Zero;
        if (_permitLimit <= 0)
        {
            return true;
        }

        var now = _time.GetTimestamp();
        SweepIfDue(now);
        while (true)
        {
            var log = _users.GetOrAdd(userKey, static (_, limit) => new UserLog(limit), _permitLimit);
            lock (log.Gate)
            {
                // The sweep removed this log between GetOrAdd and the lock: take the fresh one instead,
                // or the permit taken here would be forgotten.
                if (log.Removed)
                {
                    continue;
                }

                log.Expire(now, _window, _time);
                if (log.Count < _permitLimit)
                {
                    log.Add(now);
                    return true;
                }

                // Full: the oldest permit in the window is the next to fall out of it.
                retryAfter = _window - _time.GetElapsedTime(log.Oldest, now);
                if (retryAfter <= TimeSpan.Zero)
                {
                    retryAfter = TimeSpan.FromMilliseconds(1);
                }

                return false;
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _users.Clear();
    }

    /// <summary>
    /// At most once per window, forgets users whose every permit has expired, so memory follows the users
    /// active in the last window rather than everyone who ever asked.
    /// </summary>
    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + WindowInTimestampUnits(), due) != due)
        {
            return;
        }

        foreach (var pair in _users)
        {
            lock (pair.Value.Gate)
            {
                pair.Value.Expire(now, _window, _time);
                if (pair.Value.Count == 0)
                {
                    pair.Value.Removed = true;
                    _users.TryRemove(pair);
                }
            }
        }
    }

    private long WindowInTimestampUnits() =>
        (long)Math.Min(_window.TotalSeconds * _time.TimestampFrequency, long.MaxValue / 2);

    /// <summary>One user's permit times, oldest first, in a ring buffer of <c>permitLimit</c> slots.</summary>
    private sealed class UserLog(int capacity)
    {
        private readonly long[] _stamps = new long[capacity];
        private int _head;

        public Lock Gate { get; } = new();

        public int Count { get; private set; }

        /// <summary>Set under <see cref="Gate"/> when the sweep drops this log from the dictionary.</summary>
        public bool Removed { get; set; }

        public long Oldest => _stamps[_head];

        public void Expire(long now, TimeSpan window, TimeProvider time)
        {
            while (Count > 0 && time.GetElapsedTime(_stamps[_head], now) >= window)
            {
                _head = (_head + 1) % _stamps.Length;
                Count--;
            }
        }

        public void Add(long now)
        {
            _stamps[(_head + Count) % _stamps.Length] = now;
            Count++;
        }
    }
}
