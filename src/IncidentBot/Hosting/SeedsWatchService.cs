using IncidentBot.Core.Documents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>Runs the <see cref="SeedsWatcher"/> (unless <c>Seeds:Watch</c> is false): new documents are picked up by themselves.</summary>
internal sealed partial class SeedsWatchService(SeedsWatcher watcher, IOptions<SeedsOptions> options, ILogger<SeedsWatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            LogOff();
            return;
        }

        try
        {
            await watcher.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Watching is a convenience: the service keeps answering and admins can still reindex by hand.
            LogCrashed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Not watching the seeds folder (Seeds:Watch is false)")]
    private partial void LogOff();

    [LoggerMessage(Level = LogLevel.Error, Message = "Watching the seeds folder stopped after an unexpected error; reindex by hand until restart")]
    private partial void LogCrashed(Exception ex);
}
