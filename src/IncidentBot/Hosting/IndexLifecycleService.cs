using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Hosting;

/// <summary>
/// Opens (or builds) the index after the server starts listening, so <c>/healthz</c> answers at once and
/// <c>/readyz</c> turns 200 when questions can be answered; then picks up commits made by other processes
/// (an <c>incidentbot reindex</c> next to the service).
/// </summary>
internal sealed partial class IndexLifecycleService(IncidentIndex index, AnswerEngine engine, ILogger<IndexLifecycleService> logger) : BackgroundService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var result = await index.EnsureReadyAsync(stoppingToken).ConfigureAwait(false);
        foreach (var warning in result.Warnings)
        {
            LogSeedWarning(warning);
        }

        if (!index.IsReady)
        {
            LogNoIndex(result.Error);
        }
        else
        {
            // Compile the query path now, so the first person to ask does not wait for the JIT.
            engine.Ask("What happened to the users?");
        }

        using var timer = new PeriodicTimer(RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (index.RefreshIfChanged())
                {
                    LogPickedUp(index.Snapshot?.ContentHash);
                }
            }
            catch (IOException e)
            {
                LogRefreshFailed(e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeds: {Warning}")]
    private partial void LogSeedWarning(string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "No index could be opened or built ({Error}); /readyz stays 503 until a reindex succeeds")]
    private partial void LogNoIndex(string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Picked up an index committed by another process (content {ContentHash})")]
    private partial void LogPickedUp(string? contentHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index refresh failed: {Reason}")]
    private partial void LogRefreshFailed(string reason);
}
