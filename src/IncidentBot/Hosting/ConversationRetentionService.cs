using IncidentBot.Core.Conversations;

namespace IncidentBot.Hosting;

/// <summary>
/// Deletes stored questions and votes older than <c>Data:RetentionDays</c>, at start-up and every few hours.
/// A service that never stored anything has no database, and none is created for this.
/// </summary>
internal sealed class ConversationRetentionService(ConversationStore store) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (File.Exists(store.DatabasePath))
            {
                // Failures are logged by the store and retried at the next tick.
                await store.PurgeExpiredAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
