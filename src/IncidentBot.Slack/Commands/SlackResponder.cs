using IncidentBot.Slack.Api;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Payloads;
using IncidentBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.Commands;

/// <summary>
/// Meets Slack's 3-second acknowledgement for both delivery modes. A command's reply that is ready within
/// <see cref="ReplyWithin"/> goes back with the acknowledgement itself (HTTP body or Socket Mode ack payload);
/// a slower one is posted to the command's <c>response_url</c> when ready. Button clicks are acknowledged
/// at once and answered through their <c>response_url</c>.
/// </summary>
public sealed partial class SlackResponder
{
    public static readonly TimeSpan ReplyWithin = TimeSpan.FromSeconds(2);

    private readonly SlackCommandHandler _handler;
    private readonly SlackApiClient _api;
    private readonly SlackBackgroundWork _background;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackResponder> _logger;

    public SlackResponder(SlackCommandHandler handler, SlackApiClient api, SlackBackgroundWork background, TimeProvider time, ILogger<SlackResponder> logger)
    {
        _handler = handler;
        _api = api;
        _background = background;
        _time = time;
        _logger = logger;
    }

    /// <summary>Test seam: how long to wait for a reply before acknowledging without it.</summary>
    internal TimeSpan ReplyWithinOverride { get; set; } = ReplyWithin;

    /// <summary>The reply to send with the acknowledgement, or null when it will follow through <c>response_url</c>.</summary>
    public async Task<SlackMessage?> RespondToCommandAsync(SlashCommand command, DateTimeOffset receivedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);

        // On the thread pool: a reindex build or a locked SQLite file blocks its thread, and the ack must not wait.
        var work = Task.Run(() => SafeAsync(async () => (SlackMessage?)await _handler.HandleCommandAsync(command, ct).ConfigureAwait(false)), CancellationToken.None);
        var budget = receivedAt + ReplyWithinOverride - _time.GetUtcNow();
        if (budget > TimeSpan.Zero)
        {
            await Task.WhenAny(work, Task.Delay(budget, _time, ct)).ConfigureAwait(false);
        }

        if (work.IsCompleted)
        {
            return await work.ConfigureAwait(false);
        }

        LogLate(command.Command);
        _background.Track(PostLaterAsync(command.ResponseUrl, work, ct));
        return null;
    }

    /// <summary>Answers a click in the background, through its <c>response_url</c>; the caller acknowledges at once.</summary>
    public void RespondToAction(BlockActions click, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(click);
        var work = Task.Run(() => SafeAsync(() => _handler.HandleActionAsync(click, ct)), CancellationToken.None);
        _background.Track(PostLaterAsync(click.ResponseUrl, work, ct));
    }

    private async Task PostLaterAsync(string? responseUrl, Task<SlackMessage?> work, CancellationToken ct)
    {
        var message = await work.ConfigureAwait(false);
        if (message is null)
        {
            return;
        }

        if (string.IsNullOrEmpty(responseUrl))
        {
            LogNoResponseUrl();
            return;
        }

        await _api.PostToResponseUrlAsync(responseUrl, message, ct).ConfigureAwait(false);
    }

    /// <summary>Each request is isolated: a bug in one becomes an apology to that user, nothing more.</summary>
    private async Task<SlackMessage?> SafeAsync(Func<Task<SlackMessage?>> handle)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
            return NoticeRenderer.Ephemeral("Sorry, something went wrong while answering. The error was logged.") with { ReplaceOriginal = false };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Command}: the reply was not ready within the deadline; it follows through response_url")]
    private partial void LogLate(string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack reply has no response_url to go to")]
    private partial void LogNoResponseUrl();

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack request failed")]
    private partial void LogFailed(Exception ex);
}
