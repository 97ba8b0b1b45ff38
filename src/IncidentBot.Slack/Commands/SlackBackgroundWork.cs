using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.Commands;

/// <summary>
/// Replies finished after the 3-second acknowledgement and posted to a <c>response_url</c>. Tracked rather than
/// fire-and-forget: failures are logged, and shutdown gives them a few seconds before cancelling them.
/// </summary>
public sealed partial class SlackBackgroundWork : IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger<SlackBackgroundWork> _logger;

    public SlackBackgroundWork(ILogger<SlackBackgroundWork> logger)
    {
        _logger = logger;
    }

    /// <summary>The token Slack work runs on: it outlives the request or socket that brought it.</summary>
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

    /// <summary>At shutdown: waits for running replies up to <paramref name="timeout"/>, then cancels the rest.</summary>
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack reply failed")]
    private partial void LogFailed(Exception ex);
}
