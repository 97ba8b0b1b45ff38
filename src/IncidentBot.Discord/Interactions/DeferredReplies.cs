using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Interactions;

/// <summary>
/// Replies still being finished after a deferral. Tracked rather than fire-and-forget, so failures are logged
/// and shutdown can wait for them.
/// </summary>
public sealed partial class DeferredReplies : IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger<DeferredReplies> _logger;

    public DeferredReplies(ILogger<DeferredReplies> logger)
    {
        _logger = logger;
    }

    public int Count => _running.Count;

    /// <summary>
    /// The token interaction work runs on. It outlives the request or the gateway connection that brought the
    /// interaction, and is cancelled only by <see cref="DrainAsync"/>, after the replies in flight had their time.
    /// </summary>
    public CancellationToken Stopping => _stopping.Token;

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
        var pending = _running.Keys.ToArray();
        if (pending.Length > 0)
        {
            await Task.WhenAny(Task.WhenAll(pending), Task.Delay(timeout)).ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A deferred Discord reply failed")]
    private partial void LogFailed(Exception ex);
}
