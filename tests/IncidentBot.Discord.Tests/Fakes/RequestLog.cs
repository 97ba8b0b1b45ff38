namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Thread-safe list of <see cref="RecordedRequest"/>s with waiters, so a test can await "the client has
/// called X" instead of sleeping. Kestrel records from its own threads while the test reads.
/// </summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<RecordedRequest, bool> Match, TaskCompletionSource<RecordedRequest> Done)> _waiters = [];

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Add(RecordedRequest request)
    {
        List<TaskCompletionSource<RecordedRequest>> matched = [];
        lock (_gate)
        {
            _requests.Add(request);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(request))
                {
                    matched.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Complete outside the lock: continuations run asynchronously, but keep the lock short anyway.
        foreach (var done in matched)
        {
            done.TrySetResult(request);
        }
    }

    public async Task<RecordedRequest> WaitAsync(Func<RecordedRequest, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var waiter = (match, new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            var existing = _requests.Find(r => match(r));
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
            var list = seen.Count == 0 ? "(none)" : string.Join(Environment.NewLine, seen.Select(r => "  " + r));
            throw new TimeoutException(
                $"No matching REST request within {timeout.TotalMilliseconds:0} ms. Requests seen:{Environment.NewLine}{list}");
        }
    }
}
