using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Hosting;

/// <summary>
/// Opens (or builds) the index after the server starts listening, so <c>/healthz</c> answers at once and
/// <c>/readyz</c> turns 200 when questions can be answered; then picks up indexes committed by other
/// processes (an <c>incidentbot reindex</c> next to the service), including a first one when the service
/// could not build its own.
/// </summary>
/// <remarks>
/// Nothing here may stop the host: an index that cannot be opened is a readiness problem (503), not a
/// crash, and the loop keeps trying. Only the stopping token ends it.
/// </remarks>
internal sealed partial class IndexLifecycleService(IncidentIndex index, AnswerEngine engine, IncidentTimeline timeline, ILogger<IndexLifecycleService> logger) : BackgroundService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await OpenAsync(stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (!index.IsReady)
                {
                    if (await index.TryOpenAsync(stoppingToken).ConfigureAwait(false))
                    {
                        LogPickedUp(index.Snapshot?.ContentHash);
                    }
                }
                else if (index.RefreshIfChanged())
                {
                    LogPickedUp(index.Snapshot?.ContentHash);
                }

                // Extract the timeline of a snapshot published since the last tick (by this process's rebuilds
                // too), off the request path; for an unchanged snapshot this is a cache hit.
                _ = timeline.Build();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(e);
            }
        }
    }

    private async Task OpenAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await index.EnsureReadyAsync(stoppingToken).ConfigureAwait(false);
            foreach (var warning in result.Warnings)
            {
                LogSeedWarning(warning);
            }

            if (!index.IsReady)
            {
                LogNoIndex(result.Error);
                return;
            }

            // Compile the query path and load the related-words table now, so the first person to ask does not wait
            // for the JIT or the table, and extract the timeline (a second or so on a large corpus), so the first
            // /timeline does not wait for it either.
            engine.Ask("What happened to the users?");
            _ = timeline.Build();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogOpenFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeds: {Warning}")]
    private partial void LogSeedWarning(string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "No index could be opened or built ({Error}); /readyz stays 503 until one is")]
    private partial void LogNoIndex(string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Opening the index failed; /readyz stays 503 until one is")]
    private partial void LogOpenFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Picked up an index committed by another process (content {ContentHash})")]
    private partial void LogPickedUp(string? contentHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index refresh failed")]
    private partial void LogRefreshFailed(Exception exception);
}
