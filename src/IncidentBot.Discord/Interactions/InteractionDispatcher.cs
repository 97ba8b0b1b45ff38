using System.Text.Json;
using System.Threading.Channels;
using IncidentBot.Discord.Gateway;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Interactions;

/// <summary>
/// Between the gateway's receive loop and the handlers: the loop posts <c>INTERACTION_CREATE</c> and returns at
/// once; a few workers answer concurrently, each interaction isolated, so a slow or failing answer never stalls
/// heartbeats or other people's questions.
/// </summary>
public sealed partial class InteractionDispatcher : IGatewayEventSink
{
    /// <summary>Beyond this many waiting interactions the oldest would miss Discord's 3 s anyway.</summary>
    private const int Capacity = 512;

    private readonly Channel<(Interaction Interaction, DateTimeOffset ReceivedAt)> _channel =
        Channel.CreateBounded<(Interaction, DateTimeOffset)>(new BoundedChannelOptions(Capacity) { SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    private readonly TimeProvider _time;
    private readonly ILogger<InteractionDispatcher> _logger;

    public InteractionDispatcher(TimeProvider time, ILogger<InteractionDispatcher> logger)
    {
        _time = time;
        _logger = logger;
    }

    public void OnDispatch(int shardId, string eventName, JsonElement data)
    {
        if (eventName != "INTERACTION_CREATE")
        {
            return;
        }

        Interaction? interaction;
        try
        {
            interaction = data.Deserialize(DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException ex)
        {
            LogUnreadable(shardId, ex.Message);
            return;
        }

        if (interaction is null)
        {
            LogUnreadable(shardId, "no interaction object");
        }
        else if (!_channel.Writer.TryWrite((interaction, _time.GetUtcNow())))
        {
            LogDropped(shardId);
        }
    }

    /// <summary>Answers queued interactions with <paramref name="workers"/> concurrent workers until cancelled.</summary>
    public Task RunAsync(InteractionResponder responder, int workers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(responder);
        return Task.WhenAll(Enumerable.Range(0, Math.Max(1, workers)).Select(_ => WorkAsync(responder, ct)));
    }

    private async Task WorkAsync(InteractionResponder responder, CancellationToken ct)
    {
        try
        {
            await foreach (var (interaction, receivedAt) in _channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await responder.DeliverAsync(interaction, receivedAt, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    LogDeliveryFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord shard {ShardId}: unreadable INTERACTION_CREATE ignored ({Error})")]
    private partial void LogUnreadable(int shardId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord shard {ShardId}: interaction dropped, the queue is full")]
    private partial void LogDropped(int shardId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering a Discord interaction response failed")]
    private partial void LogDeliveryFailed(Exception ex);
}
