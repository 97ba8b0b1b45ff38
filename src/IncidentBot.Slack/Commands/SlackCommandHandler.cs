using System.Globalization;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Feedback;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Telemetry;
using IncidentBot.Core.Timeline;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Payloads;
using IncidentBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Commands;

/// <summary>
/// Decides the reply to a slash command or a button click. Delivery (HTTP body, Socket Mode ack payload,
/// <c>response_url</c>) is the caller's job.
/// </summary>
public sealed partial class SlackCommandHandler : IDisposable
{
    /// <summary>Citations fetched per question: three in the answer, the rest behind "More sources".</summary>
    public const int CitationsPerAsk = 12;

    public const int CitationsShown = 3;

    internal const string Channel = "slack";

    private readonly AnswerEngine _engine;
    private readonly IncidentIndex _index;
    private readonly SourceCatalog _catalog;
    private readonly ConversationStore _store;
    private readonly GapFinder _gaps;
    private readonly IncidentTimeline _timeline;
    private readonly SlackOptions _options;
    private readonly UserRateLimiter _rateLimiter;
    private readonly ChatQuestions _questions;
    private readonly ILogger<SlackCommandHandler> _logger;

    public SlackCommandHandler(
        AnswerEngine engine,
        IncidentIndex index,
        SourceCatalog catalog,
        ConversationStore store,
        GapFinder gaps,
        IncidentTimeline timeline,
        IOptions<SlackOptions> options,
        ILogger<SlackCommandHandler> logger,
        QuestionLog? questionLog = null)
    {
        _engine = engine;
        _index = index;
        _catalog = catalog;
        _store = store;
        _gaps = gaps;
        _timeline = timeline;
        _options = options.Value;
        _logger = logger;
        _rateLimiter = new UserRateLimiter(_options.QuestionsPerWindow, TimeSpan.FromSeconds(_options.QuestionWindowSeconds));
        _questions = new ChatQuestions(engine, store, questionLog);
    }

    public async Task<SlackMessage> HandleCommandAsync(SlashCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.Equals(command.Command, _options.AskCommand, StringComparison.Ordinal))
        {
            return await AskAsync(command, ct).ConfigureAwait(false);
        }

        if (string.Equals(command.Command, _options.SourcesCommand, StringComparison.Ordinal))
        {
            return SourcesBlocksRenderer.Render(_catalog.List(), _index.Snapshot, _options.EphemeralByDefault);
        }

        if (string.Equals(command.Command, _options.TimelineCommand, StringComparison.Ordinal))
        {
            return Timeline(command);
        }

        if (string.Equals(command.Command, _options.ReindexCommand, StringComparison.Ordinal))
        {
            return await ReindexAsync(command, ct).ConfigureAwait(false);
        }

        if (string.Equals(command.Command, _options.GapsCommand, StringComparison.Ordinal))
        {
            return await GapsAsync(command, ct).ConfigureAwait(false);
        }

        LogUnknownCommand(command.Command);
        return NoticeRenderer.Ephemeral($"This bot does not know {command.Command}. Its commands are {_options.AskCommand}, {_options.SourcesCommand}, {_options.TimelineCommand}, {_options.ReindexCommand} and {_options.GapsCommand}.");
    }

    /// <summary>The reply to a button click, to post to the click's <c>response_url</c>; null when the click is not ours.</summary>
    public async Task<SlackMessage?> HandleActionAsync(BlockActions click, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(click);
        var action = click.Actions.FirstOrDefault(a => a.ActionId is ActionIds.Share or ActionIds.More or ActionIds.Helpful or ActionIds.NotHelpful);
        if (action is null || !TryParseValue(action.Value, out var askId, out var page))
        {
            LogUnknownAction();
            return null;
        }

        switch (action.ActionId)
        {
            case ActionIds.Helpful or ActionIds.NotHelpful:
                var helpful = action.ActionId == ActionIds.Helpful;
                var outcome = await _store.RecordVoteAsync(askId, Channel, click.UserId, helpful, ct).ConfigureAwait(false);
                return Notice(outcome switch
                {
                    VoteOutcome.Recorded or VoteOutcome.Unchanged => helpful ? "Thanks: recorded as helpful." : "Thanks: recorded as not helpful. It helps us see what the documents are missing.",
                    VoteOutcome.Changed => helpful ? "Changed your vote to helpful." : "Changed your vote to not helpful.",
                    VoteOutcome.UnknownAsk => "That answer is too old to rate.",
                    _ => "Could not record your vote just now; please try again later.",
                });
            default:
                // Share and More sources search again: they count against the asker's limit like a question.
                if (!_rateLimiter.TryAcquire($"{Channel}:{click.UserId}", out var wait))
                {
                    return Notice($"You are clicking quickly: try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.");
                }

                var stored = await _store.FindAskAsync(askId, ct).ConfigureAwait(false);
                var result = stored is null ? null : _engine.Ask(stored.Question, CitationsPerAsk);
                if (result is not { IsSuccess: true })
                {
                    return Notice($"That answer is too old; ask again with {_options.AskCommand}.");
                }

                return action.ActionId == ActionIds.Share
                    ? SharedAnswerRenderer.Render(new SlackAnswerView(result.Answer, askId, _index.Snapshot, Ephemeral: false, CitationsShown), click.UserId)
                    : MoreSourcesBlocksRenderer.Render(result.Answer, Math.Max(1, page), CitationsShown, askId);
        }
    }

    private async Task<SlackMessage> AskAsync(SlashCommand command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            return NoticeRenderer.Usage(_options.AskCommand);
        }

        // "as_of:YYYY-MM-DD" anywhere in the text scopes the question to the documents of that time.
        var (question, asOfText) = SplitAsOf(command.Text);
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!AsOfFilter.TryParse(asOfText, out var parsed))
            {
                return Notice($"as_of must be a date written YYYY-MM-DD, such as {_options.AskCommand} as_of:2019-11-01 How many users were targeted?");
            }

            asOf = parsed;
        }

        var asked = await _questions.AskAsync(Channel, command.UserId, question, _rateLimiter, CitationsPerAsk, asOf, ct).ConfigureAwait(false);
        return asked.Status switch
        {
            ChatAskStatus.Answered => AnswerBlocksRenderer.Render(new SlackAnswerView(asked.Answer!, asked.AskId, _index.Snapshot, _options.EphemeralByDefault, CitationsShown)),
            ChatAskStatus.RateLimited => Notice($"You are asking quickly: try again in {asked.RetryAfterSeconds} s."),
            ChatAskStatus.NotReady => Notice("The documents are still being indexed; try again in a moment."),
            _ => Notice(asked.Error ?? "That question cannot be asked."),
        };
    }

    /// <summary>
    /// For everyone, like the sources list: it only quotes the documents. The text may give an as-of date; any
    /// other text gets the usage rather than a whole timeline the user did not ask for.
    /// </summary>
    private SlackMessage Timeline(SlashCommand command)
    {
        var text = command.Text.Trim();
        DateOnly? asOf = null;
        if (text.Length > 0)
        {
            if (!AsOfFilter.TryParse(text, out var date))
            {
                return Notice($"Usage: {_options.TimelineCommand} [YYYY-MM-DD], for example {_options.TimelineCommand} 2019-11-03, to see only what documents dated on or before that day say.");
            }

            asOf = date;
        }

        // An index that is not open yet has no events, which must not read as "the documents date nothing".
        if (!_index.IsReady)
        {
            return Notice("The documents are still being indexed; try again in a moment.");
        }

        return TimelineBlocksRenderer.Render(_timeline.Build(asOf), asOf, _options.EphemeralByDefault);
    }

    private async Task<SlackMessage> ReindexAsync(SlashCommand command, CancellationToken ct)
    {
        // Slack sends no role information with a command: admins are the configured user ids, checked here.
        if (!_options.AdminUserIds.Contains(command.UserId, StringComparer.Ordinal))
        {
            LogAdminRefused(_options.ReindexCommand, command.UserId);
            return Notice("Sorry, only the bot's admins can reindex the documents. Ask one of them if the answers look out of date.");
        }

        LogReindexRequested(command.UserId);
        var force = command.Text.Trim().Equals("force", StringComparison.OrdinalIgnoreCase);
        return ReindexBlocksRenderer.Render(await _index.ReindexAsync(force, ct).ConfigureAwait(false));
    }

    /// <summary>Admins only (the report shows what people asked); the text may give the days to look back.</summary>
    private async Task<SlackMessage> GapsAsync(SlashCommand command, CancellationToken ct)
    {
        if (!_options.AdminUserIds.Contains(command.UserId, StringComparer.Ordinal))
        {
            LogAdminRefused(_options.GapsCommand, command.UserId);
            return Notice("Sorry, only the bot's admins can see which questions the documents do not answer.");
        }

        var text = command.Text.Trim();
        var days = GapFinder.DefaultDays;
        if (text.Length > 0 && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > GapFinder.MaxDays))
        {
            return Notice($"Usage: {_options.GapsCommand} [days], days from 1 to {GapFinder.MaxDays} (default {GapFinder.DefaultDays}).");
        }

        return GapsBlocksRenderer.Render(await _gaps.FindAsync(days, GapsBlocksRenderer.Shown, ct).ConfigureAwait(false));
    }

    private static SlackMessage Notice(string text) => NoticeRenderer.Ephemeral(text) with { ReplaceOriginal = false };

    /// <summary>The question without its <c>as_of:…</c> word, and that word's value (null when there is none).</summary>
    internal static (string Question, string? AsOf) SplitAsOf(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var scope = words.FirstOrDefault(w => w.StartsWith("as_of:", StringComparison.OrdinalIgnoreCase));
        return scope is null ? (text, null) : (string.Join(' ', words.Where(w => !ReferenceEquals(w, scope))), scope["as_of:".Length..]);
    }

    /// <summary><c>{askId}</c> or <c>{askId}:{page}</c>.</summary>
    private static bool TryParseValue(string? value, out long askId, out int page)
    {
        page = 0;
        askId = 0;
        var parts = value?.Split(':');
        return parts is { Length: 1 or 2 }
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out askId)
            && (parts.Length == 1 || (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= 100));
    }

    public void Dispose() => _rateLimiter.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack command {Command} is not one of ours")]
    private partial void LogUnknownCommand(string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a Slack button click that is not ours")]
    private partial void LogUnknownAction();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Command} to Slack user {UserId}: not in Slack:AdminUserIds")]
    private partial void LogAdminRefused(string command, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack user {UserId} asked to reindex")]
    private partial void LogReindexRequested(string userId);
}
