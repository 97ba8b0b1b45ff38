using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Interactions;

/// <summary>
/// Replies still being finished after a deferral. Tracked rather than fire-and-forget, so failures are logged
/// and shutdown can wait for them.
/// </summary>
public sealed partial class DeferredReplies
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly ILogger<DeferredReplies> _logger;

    public DeferredReplies(ILogger<DeferredReplies> logger)
    {
        _logger = logger;
    }

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

    /// <summary>Waits for the replies still running, up to <paramref name="timeout"/>.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var pending = _running.Keys.ToArray();
        if (pending.Length == 0)
        {
            return;
        }

        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(timeout)).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A deferred Discord reply failed")]
    private partial void LogFailed(Exception ex);
}
