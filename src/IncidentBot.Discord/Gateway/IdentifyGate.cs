namespace IncidentBot.Discord.Gateway;

/// <summary>
/// Spaces identifies: Discord allows <c>max_concurrency</c> identifies per 5 s, one per bucket
/// <c>shard_id % max_concurrency</c>; more are answered with op 9. Resumes are not limited.
/// </summary>
public sealed class IdentifyGate : IDisposable
{
    private readonly SemaphoreSlim[] _buckets;
    private readonly DateTimeOffset[] _last;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;

    public IdentifyGate(int maxConcurrency, TimeSpan window, TimeProvider time)
    {
        var buckets = Math.Max(1, maxConcurrency);
        _buckets = Enumerable.Range(0, buckets).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        _last = new DateTimeOffset[buckets];
        Array.Fill(_last, DateTimeOffset.MinValue);
        _window = window;
        _time = time;
    }

    /// <summary>Waits until shard <paramref name="shardId"/> may identify, and books the slot.</summary>
    public async Task WaitAsync(int shardId, CancellationToken ct)
    {
        var bucket = shardId % _buckets.Length;
        await _buckets[bucket].WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var wait = _last[bucket] + _window - _time.GetUtcNow();
            if (_last[bucket] != DateTimeOffset.MinValue && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            }

            _last[bucket] = _time.GetUtcNow();
        }
        finally
        {
            _buckets[bucket].Release();
        }
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets)
        {
            bucket.Dispose();
        }
    }
}
