namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// Thread-safe append-only list with waiters, so a test can await "the client has done X" instead of
/// sleeping. Kestrel adds from its own threads while the test reads.
/// </summary>
internal sealed class WaitableLog<T>(string what)
    where T : class
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Done)> _waiters = [];

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        List<TaskCompletionSource<T>> matched = [];
        lock (_gate)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(item))
                {
                    matched.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in matched)
        {
            done.TrySetResult(item);
        }
    }

    /// <summary>Completes with the first item (already added or future) that matches.</summary>
    public async Task<T> WaitAsync(Func<T, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var waiter = (match, new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            var existing = _items.Find(item => match(item));
            if (existing is not null)
            {
                return existing;
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Item2.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            var seen = Snapshot();
            var list = seen.Count == 0 ? "(none)" : string.Join(Environment.NewLine, seen.Select(item => "  " + item));
            throw new TimeoutException(
                $"No matching {what} within {timeout.TotalMilliseconds:0} ms. Seen so far:{Environment.NewLine}{list}");
        }
    }
}
