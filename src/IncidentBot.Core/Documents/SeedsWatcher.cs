using IncidentBot.Core.Indexing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Documents;

/// <summary>
/// Rebuilds the index when the seeds folder changes: file events are debounced (a copy of many files makes one
/// rebuild) and a slow poll catches changes that raise no events. Rebuilds go through
/// <see cref="IncidentIndex.ReindexAsync"/>, the one serialised path shared with admin commands and the HTTP API,
/// and are skipped when the documents' content hash is unchanged; the old index answers meanwhile.
/// </summary>
public sealed partial class SeedsWatcher : IDisposable
{
    private readonly IncidentIndex _index;
    private readonly SeedsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SeedsWatcher> _logger;
    private readonly SemaphoreSlim _changed = new(0, 1);
    private FileSystemWatcher? _watcher;

    public SeedsWatcher(IncidentIndex index, IOptions<SeedsOptions> options, TimeProvider time, ILogger<SeedsWatcher> logger)
    {
        _index = index;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Watches until cancelled. Never throws for a missing folder: it waits for it to appear.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var debounce = TimeSpan.FromMilliseconds(_options.WatchDebounceMs);
        var poll = _options.PollSeconds > 0 ? TimeSpan.FromSeconds(_options.PollSeconds) : Timeout.InfiniteTimeSpan;
        while (!ct.IsCancellationRequested)
        {
            EnsureWatching();

            // Wait for a change (or the poll), then for a quiet spell: every further change restarts the wait.
            var changed = await _changed.WaitAsync(_watcher is null ? Min(poll, debounce * 5) : poll, ct).ConfigureAwait(false);
            if (changed)
            {
                while (await _changed.WaitAsync(debounce, ct).ConfigureAwait(false))
                {
                }
            }

            var result = await _index.ReindexAsync(force: false, ct).ConfigureAwait(false);
            if (result.Status == ReindexStatus.Built)
            {
                LogRebuilt(result.Index?.Documents ?? 0, result.Elapsed.TotalSeconds, changed ? "a change in the seeds folder" : "the periodic check");
            }
            else if (result.Status == ReindexStatus.Failed && changed)
            {
                LogFailed(result.Error);
            }
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _changed.Dispose();
    }

    private void EnsureWatching()
    {
        if (_watcher is not null || !Directory.Exists(_index.SeedsPath))
        {
            return;
        }

        try
        {
            _watcher = new FileSystemWatcher(_index.SeedsPath)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Created += OnChanged;
            _watcher.Changed += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Renamed += OnChanged;
            _watcher.Error += OnError;
            _watcher.EnableRaisingEvents = true;
            LogWatching(_index.SeedsPath);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Out of inotify watches, or a file system without events: the poll still catches changes.
            LogCannotWatch(ex.Message);
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => Signal();

    private void OnError(object sender, ErrorEventArgs e)
    {
        // Overflowed event buffer: something changed, exactly what is unknown; the hash check sorts it out.
        LogWatchError(e.GetException().Message);
        Signal();
    }

    private void Signal()
    {
        try
        {
            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
        catch (Exception ex) when (ex is SemaphoreFullException or ObjectDisposedException)
        {
            // Already signalled, or shutting down.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a == Timeout.InfiniteTimeSpan ? b : a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {SeedsPath} for document changes")]
    private partial void LogWatching(string seedsPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the index after {Reason}: {Documents} documents in {Seconds:0.00} s")]
    private partial void LogRebuilt(int documents, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding after a change in the seeds folder failed; the previous index keeps answering: {Error}")]
    private partial void LogFailed(string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch the seeds folder ({Error}); relying on the periodic check")]
    private partial void LogCannotWatch(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The seeds folder watcher reported an error ({Error}); checking the documents")]
    private partial void LogWatchError(string error);
}
