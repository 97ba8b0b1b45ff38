using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Core.Conversations;

/// <summary>
/// Chat replies still being finished after the platform's acknowledgement deadline (a Discord deferral, a Slack
/// <c>response_url</c> post). Tracked rather than fire-and-forget: failures are logged, and shutdown gives them
/// a few seconds (<see cref="DrainAsync"/>) before cancelling them through <see cref="Stopping"/>.
/// </summary>
public abstract partial class ReplyTracker : IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;

    protected ReplyTracker(ILogger logger)
    {
        _logger = logger;
    }

    /// <summary>The token reply work runs on: it outlives the request or socket that brought the question.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public int Count => _running.Count;

    public void Track(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(
            finished =>
            {
                _running.TryRemove(finished, out _);
                if (finished.IsFaulted)
                {
                    LogFailed(finished.Exception!.GetBaseException());
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>At shutdown: waits for the replies still running, up to <paramref name="timeout"/>, then cancels the rest.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        // Looped: a reply running now may hand over another (a late answer posted after its acknowledgement).
        var deadline = Task.Delay(timeout);
        while (_running.Keys.ToArray() is { Length: > 0 } pending && !deadline.IsCompleted)
        {
            await Task.WhenAny(Task.WhenAll(pending), deadline).ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A chat reply failed")]
    private partial void LogFailed(Exception ex);
}
