using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Interactions;

/// <summary>
/// Meets Discord's 3-second rule for both delivery modes. The reply is computed at once; when it is ready within
/// <see cref="DeferAfter"/> it goes out as the initial response (type 4: the normal case, one request). When it
/// is not, the initial response is a deferral (type 5, "thinking…", private if the reply will be) and the reply
/// replaces it later through <c>PATCH …/messages/@original</c>, which the interaction token allows for 15 minutes.
/// </summary>
public sealed partial class InteractionResponder
{
    /// <summary>Leaves a second of the three for the callback to reach Discord.</summary>
    public static readonly TimeSpan DeferAfter = TimeSpan.FromSeconds(2);

    private const int AlreadyAcknowledged = 40060;

    private readonly InteractionHandler _handler;
    private readonly DiscordRestClient _rest;
    private readonly DeferredReplies _deferred;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionResponder> _logger;

    public InteractionResponder(
        InteractionHandler handler,
        DiscordRestClient rest,
        DeferredReplies deferred,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<InteractionResponder> logger)
    {
        _handler = handler;
        _rest = rest;
        _deferred = deferred;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Test seam: how long to wait for the reply before deferring.</summary>
    internal TimeSpan DeferAfterOverride { get; set; } = DeferAfter;

    /// <summary>
    /// The initial response to <paramref name="interaction"/>, received at <paramref name="receivedAt"/>;
    /// null when it is ignored. A slow reply is finished in the background by editing the deferral.
    /// </summary>
    public Task<InteractionResponse?> RespondAsync(Interaction interaction, DateTimeOffset receivedAt, CancellationToken ct) =>
        RespondAsync(interaction, receivedAt, Task.FromResult(true), ct);

    /// <inheritdoc cref="RespondAsync(Interaction, DateTimeOffset, CancellationToken)"/>
    /// <param name="interaction">The interaction.</param>
    /// <param name="receivedAt">When it arrived: the 3 seconds count from then.</param>
    /// <param name="initialDelivered">
    /// Completes once the initial response has reached Discord (true) or failed (false). A deferred reply
    /// edits <c>@original</c> only after that: an edit that overtakes its deferral finds no message to edit.
    /// </param>
    /// <param name="ct">Stops the work (service shutdown).</param>
    public async Task<InteractionResponse?> RespondAsync(Interaction interaction, DateTimeOffset receivedAt, Task<bool> initialDelivered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        // On the thread pool: a handler can block its thread (a reindex build, a locked SQLite file), and the
        // deferral below must still go out in time.
        var work = Task.Run(() => SafeHandleAsync(interaction, ct), CancellationToken.None);
        var budget = receivedAt + DeferAfterOverride - _time.GetUtcNow();
        if (budget > TimeSpan.Zero)
        {
            await Task.WhenAny(work, Task.Delay(budget, _time, ct)).ConfigureAwait(false);
        }

        if (work.IsCompleted)
        {
            return (await work.ConfigureAwait(false)).Response;
        }

        var ephemeral = _handler.WantsEphemeral(interaction);
        LogDeferred(interaction.Type, interaction.Data?.Name);
        _deferred.Track(FinishLaterAsync(interaction, work, initialDelivered, ct));
        return new InteractionResponse(
            InteractionCallbackType.DeferredChannelMessageWithSource,
            new MessagePayload { Flags = ephemeral ? MessageFlags.Ephemeral : null });
    }

    /// <summary>Gateway delivery: the initial response goes to the REST callback endpoint.</summary>
    public async Task DeliverAsync(Interaction interaction, DateTimeOffset receivedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var delivered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var response = await RespondAsync(interaction, receivedAt, delivered.Task, ct).ConfigureAwait(false);
            if (response is null || response.Type == InteractionCallbackType.Pong)
            {
                return;
            }

            var result = await _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, ct).ConfigureAwait(false);

            // 40060 "already acknowledged": a retry after a lost answer; the first attempt did arrive.
            var arrived = result.IsSuccess || result.Code == AlreadyAcknowledged;
            if (!arrived)
            {
                LogCallbackFailed(interaction.Type, result.ToString());
            }

            delivered.TrySetResult(arrived);
        }
        finally
        {
            delivered.TrySetResult(false);
        }
    }

    private async Task FinishLaterAsync(Interaction interaction, Task<InteractionReply> work, Task<bool> initialDelivered, CancellationToken ct)
    {
        var reply = await work.ConfigureAwait(false);
        bool delivered;
        try
        {
            delivered = await initialDelivered.WaitAsync(TimeSpan.FromSeconds(10), _time, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            delivered = false;
        }

        if (!delivered)
        {
            // The deferral never reached Discord (expired, refused): there is no message to fill in.
            LogEditSkipped();
            return;
        }

        var message = reply.Response?.Data ?? Rendering.NoticeRenderer.Ephemeral("Nothing to show.");
        var applicationId = interaction.ApplicationId ?? _options.ApplicationId ?? "";
        DiscordRestResult result;
        if (message.Flags is { } flags && (flags & MessageFlags.Ephemeral) != 0 && !_handler.WantsEphemeral(interaction))
        {
            // A public deferral cannot be edited into a private message (flags are not editable): replace the
            // "thinking…" message by a private follow-up, so a notice meant for one person is not shown to all.
            await _rest.DeleteOriginalResponseAsync(applicationId, interaction.Token, ct).ConfigureAwait(false);
            result = await _rest.CreateFollowupMessageAsync(applicationId, interaction.Token, message, ct).ConfigureAwait(false);
        }
        else
        {
            // An edit keeps the deferral's visibility; flags are not editable, so they are left out.
            result = await _rest.EditOriginalResponseAsync(applicationId, interaction.Token, message with { Flags = null }, ct).ConfigureAwait(false);
        }

        if (!result.IsSuccess)
        {
            LogEditFailed(result.ToString());
        }
    }

    /// <summary>Each interaction is isolated: a bug in one becomes an apology to that user, nothing more.</summary>
    private async Task<InteractionReply> SafeHandleAsync(Interaction interaction, CancellationToken ct)
    {
        try
        {
            return await _handler.HandleAsync(interaction, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogHandlerFailed(ex, interaction.Type.ToString(), interaction.Data?.Name);
            return InteractionReply.Message(Rendering.NoticeRenderer.Ephemeral("Sorry, something went wrong while answering. The error was logged."));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deferred the reply to a {Type} interaction ({Command}): not ready within the deadline")]
    private partial void LogDeferred(InteractionType type, string? command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused the response to a {Type} interaction: {Error}")]
    private partial void LogCallbackFailed(InteractionType type, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not replace a deferred Discord response: {Error}")]
    private partial void LogEditFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A deferred Discord reply was dropped: its deferral did not reach Discord")]
    private partial void LogEditSkipped();

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Discord {Type} interaction ({Command}) failed")]
    private partial void LogHandlerFailed(Exception ex, string type, string? command);
}
