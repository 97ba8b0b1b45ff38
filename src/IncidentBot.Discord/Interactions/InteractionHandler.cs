using IncidentBot.Core.Answers;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Feedback;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Telemetry;
using IncidentBot.Core.Timeline;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Interactions;

/// <summary>
/// Decides the reply to each interaction: <c>/ask</c>, <c>/sources</c>, <c>/timeline</c>, <c>/reindex</c>, <c>/gaps</c>, and the buttons under
/// answers. Delivery (inline HTTP body, REST callback, deferral) is <see cref="InteractionResponder"/>'s job.
/// </summary>
public sealed partial class InteractionHandler : IDisposable
{
    /// <summary>Citations fetched per question: three in the answer, the rest behind "More sources".</summary>
    public const int CitationsPerAsk = 12;

    /// <summary>Citations shown in the answer, and per "More sources" page.</summary>
    public const int CitationsShown = 3;

    internal const string Channel = "discord";

    private readonly AnswerEngine _engine;
    private readonly IncidentIndex _index;
    private readonly SourceCatalog _catalog;
    private readonly ConversationStore _store;
    private readonly GapFinder _gaps;
    private readonly IncidentTimeline _timeline;
    private readonly DiscordOptions _options;
    private readonly UserRateLimiter _rateLimiter;
    private readonly ChatQuestions _questions;
    private readonly ILogger<InteractionHandler> _logger;

    public InteractionHandler(
        AnswerEngine engine,
        IncidentIndex index,
        SourceCatalog catalog,
        ConversationStore store,
        GapFinder gaps,
        IncidentTimeline timeline,
        IOptions<DiscordOptions> options,
        ILogger<InteractionHandler> logger,
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

    /// <summary>Whether the reply will be private, known before it is computed (a deferral must say so up front).</summary>
    public bool WantsEphemeral(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.Type switch
        {
            InteractionType.ApplicationCommand when interaction.Data?.Name == CommandNames.Ask =>
                interaction.Data.GetBoolean("private") ?? _options.EphemeralByDefault,
            InteractionType.ApplicationCommand when interaction.Data?.Name is CommandNames.Sources or CommandNames.Timeline => _options.EphemeralByDefault,
            InteractionType.ApplicationCommand => true,
            _ => true,
        };
    }

    public async Task<InteractionReply> HandleAsync(Interaction interaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                return new InteractionReply(InteractionResponse.Pong);
            case InteractionType.ApplicationCommand:
                return await HandleCommandAsync(interaction, ct).ConfigureAwait(false);
            case InteractionType.MessageComponent:
                return await HandleComponentAsync(interaction, ct).ConfigureAwait(false);
            default:
                LogIgnoredType((int)interaction.Type);
                return InteractionReply.Ignore;
        }
    }

    private async Task<InteractionReply> HandleCommandAsync(Interaction interaction, CancellationToken ct)
    {
        switch (interaction.Data?.Name)
        {
            case CommandNames.Ask:
                return await AskAsync(interaction, ct).ConfigureAwait(false);
            case CommandNames.Sources:
                return InteractionReply.Message(SourcesRenderer.Render(_catalog.List(), _index.Snapshot) with
                {
                    Flags = WantsEphemeral(interaction) ? MessageFlags.Ephemeral : null,
                });
            case CommandNames.Timeline:
                return Timeline(interaction);
            case CommandNames.Reindex:
                return await ReindexAsync(interaction, ct).ConfigureAwait(false);
            case CommandNames.Gaps:
                return await GapsAsync(interaction, ct).ConfigureAwait(false);
            default:
                LogUnknownCommand(interaction.Data?.Name ?? "(none)");
                return Notice("That command is not known to this bot. Its commands are /ask, /sources, /timeline, /reindex and /gaps.");
        }
    }

    private async Task<InteractionReply> AskAsync(Interaction interaction, CancellationToken ct)
    {
        const string Usage = "Usage: /ask question:<what you want to know> [as_of:YYYY-MM-DD]";
        DateOnly? asOf = null;
        if (interaction.Data.GetString("as_of") is { } asOfText)
        {
            if (!AsOfFilter.TryParse(asOfText, out var parsed))
            {
                return Notice($"as_of must be a date written YYYY-MM-DD, such as 2019-11-01. {Usage}");
            }

            asOf = parsed;
        }

        var asked = await _questions.AskAsync(Channel, interaction.Invoker?.Id ?? "unknown", interaction.Data.GetString("question"), _rateLimiter, CitationsPerAsk, asOf, ct).ConfigureAwait(false);
        return asked.Status switch
        {
            ChatAskStatus.Answered => InteractionReply.Message(AnswerRenderer.Render(new AnswerView(asked.Answer!, asked.AskId, _index.Snapshot, CitationsShown, WantsEphemeral(interaction)))),
            ChatAskStatus.RateLimited => Notice($"You are asking quickly: try again in {asked.RetryAfterSeconds} s."),
            ChatAskStatus.NotReady => Notice("The documents are still being indexed; try again in a moment."),
            _ => Notice($"{asked.Error} {Usage}"),
        };
    }

    /// <summary>
    /// For everyone, like <c>/sources</c>: it only quotes the documents. A bad <c>as_of</c> gets the usage
    /// rather than a whole timeline the member did not ask for.
    /// </summary>
    private InteractionReply Timeline(Interaction interaction)
    {
        DateOnly? asOf = null;
        if (interaction.Data.GetString("as_of") is { } text)
        {
            if (!AsOfFilter.TryParse(text, out var date))
            {
                return Notice("Usage: /timeline [as_of:YYYY-MM-DD], for example as_of:2019-11-03, to see only what documents dated on or before that day say.");
            }

            asOf = date;
        }

        // An index that is not open yet has no events, which must not read as "the documents date nothing".
        if (!_index.IsReady)
        {
            return Notice("The documents are still being indexed; try again in a moment.");
        }

        return InteractionReply.Message(TimelineRenderer.Render(_timeline.Build(asOf), asOf) with
        {
            Flags = WantsEphemeral(interaction) ? MessageFlags.Ephemeral : null,
        });
    }

    private async Task<InteractionReply> ReindexAsync(Interaction interaction, CancellationToken ct)
    {
        if (!AdminPolicy.IsAdmin(interaction, _options.AdminUserIds))
        {
            LogAdminRefused(CommandNames.Reindex, interaction.Invoker?.Id ?? "unknown");
            return Notice("Only server managers (Manage Server or Administrator) and the bot's configured admins can reindex.");
        }

        var force = interaction.Data.GetBoolean("force") ?? false;
        LogReindexRequested(interaction.Invoker?.Id ?? "unknown", force);
        var result = await _index.ReindexAsync(force, ct).ConfigureAwait(false);
        return InteractionReply.Message(ReindexRenderer.Render(result));
    }

    /// <summary>Admins only: the report shows what people asked.</summary>
    private async Task<InteractionReply> GapsAsync(Interaction interaction, CancellationToken ct)
    {
        if (!AdminPolicy.IsAdmin(interaction, _options.AdminUserIds))
        {
            LogAdminRefused(CommandNames.Gaps, interaction.Invoker?.Id ?? "unknown");
            return Notice("Only server managers (Manage Server or Administrator) and the bot's configured admins can see the gaps report.");
        }

        var days = interaction.Data.GetInteger("days") is { } asked ? (int)Math.Clamp(asked, 1, GapFinder.MaxDays) : GapFinder.DefaultDays;
        var report = await _gaps.FindAsync(days, GapsRenderer.Shown, ct).ConfigureAwait(false);
        return InteractionReply.Message(GapsRenderer.Render(report));
    }

    private async Task<InteractionReply> HandleComponentAsync(Interaction interaction, CancellationToken ct)
    {
        var id = ComponentId.Parse(interaction.Data?.CustomId);
        if (id?.Page is { } page)
        {
            var stored = await _store.FindAskAsync(id.AskId, ct).ConfigureAwait(false);
            var result = stored is null ? null : _engine.Ask(stored.Question, CitationsPerAsk);
            return result is { IsSuccess: true }
                ? InteractionReply.Message(MoreSourcesRenderer.RenderMoreSources(result.Answer, page, CitationsShown, id.AskId))
                : Notice("That answer is too old to expand; ask again with /ask.");
        }

        if (id?.Helpful is { } helpful)
        {
            var outcome = await _store.RecordVoteAsync(id.AskId, Channel, interaction.Invoker?.Id ?? "unknown", helpful, ct).ConfigureAwait(false);
            return Notice(outcome switch
            {
                VoteOutcome.Recorded or VoteOutcome.Unchanged => helpful ? "Thanks: recorded as helpful." : "Thanks: recorded as not helpful. It helps us see what the documents are missing.",
                VoteOutcome.Changed => helpful ? "Changed your vote to helpful." : "Changed your vote to not helpful.",
                VoteOutcome.UnknownAsk => "That answer is too old to rate.",
                _ => "Could not record your vote just now; please try again later.",
            });
        }

        LogUnknownComponent();
        return InteractionReply.Ignore;
    }

    private static InteractionReply Notice(string text) => InteractionReply.Message(NoticeRenderer.Ephemeral(text));

    public void Dispose() => _rateLimiter.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a Discord interaction of unknown type {Type}")]
    private partial void LogIgnoredType(int type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord command {Name} is not one of ours")]
    private partial void LogUnknownCommand(string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a click on a component that is not ours")]
    private partial void LogUnknownComponent();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused /{Command} to Discord user {UserId}: not an admin")]
    private partial void LogAdminRefused(string command, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord user {UserId} asked to reindex (force: {Force})")]
    private partial void LogReindexRequested(string userId, bool force);
}
