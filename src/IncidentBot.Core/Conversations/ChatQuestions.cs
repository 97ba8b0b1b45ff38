using System.Diagnostics;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Telemetry;

namespace IncidentBot.Core.Conversations;

/// <summary>
/// The chat-neutral way to ask: validate, apply the asker's rate limit, answer, record (for buttons and
/// feedback), and log and count the outcome. Validation comes first, so a mistyped question does not cost the
/// person one of their questions.
/// </summary>
public sealed class ChatQuestions(AnswerEngine engine, ConversationStore store, QuestionLog? log = null)
{
    /// <param name="channel">"discord", "slack": where the question came from.</param>
    /// <param name="userId">The asker, for the rate limit and the (hashed) record.</param>
    /// <param name="text">The question as typed.</param>
    /// <param name="limiter">The front end's own per-user limiter.</param>
    /// <param name="citations">Citations to fetch.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<ChatAsk> AskAsync(string channel, string userId, string? text, UserRateLimiter limiter, int citations, CancellationToken ct) =>
        AskAsync(channel, userId, text, limiter, citations, null, ct);

    /// <param name="channel">"discord", "slack": where the question came from.</param>
    /// <param name="userId">The asker, for the rate limit and the (hashed) record.</param>
    /// <param name="text">The question as typed.</param>
    /// <param name="limiter">The front end's own per-user limiter.</param>
    /// <param name="citations">Citations to fetch.</param>
    /// <param name="asOf">Answer only from documents dated on or before this day.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<ChatAsk> AskAsync(string channel, string userId, string? text, UserRateLimiter limiter, int citations, DateOnly? asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        var started = Stopwatch.GetTimestamp();
        var (question, error) = QuestionSanitizer.Sanitize(text);
        if (question is null)
        {
            log?.Rejected(channel, QuestionLog.InvalidReason, Stopwatch.GetElapsedTime(started), text);
            return new ChatAsk(ChatAskStatus.Invalid, null, null, error, TimeSpan.Zero);
        }

        if (!limiter.TryAcquire($"{channel}:{userId}", out var retryAfter))
        {
            log?.Rejected(channel, QuestionLog.RateLimitedReason, Stopwatch.GetElapsedTime(started), question);
            return new ChatAsk(ChatAskStatus.RateLimited, null, null, null, retryAfter);
        }

        try
        {
            var result = engine.Ask(question, citations, asOf);
            if (!result.IsSuccess)
            {
                var notReady = result.ErrorKind == AskErrorKind.NotReady;
                log?.Rejected(channel, notReady ? QuestionLog.NotReadyReason : QuestionLog.InvalidReason, Stopwatch.GetElapsedTime(started), question);
                return new ChatAsk(notReady ? ChatAskStatus.NotReady : ChatAskStatus.Invalid, null, null, result.Error, TimeSpan.Zero);
            }

            var answer = result.Answer;
            var top = answer.Citations.Count > 0 ? answer.Citations[0] : null;
            var askId = await store.RecordAskAsync(new AskRecord(channel, userId, answer.Question, answer.Answered, top?.Source, top?.Paragraph), ct).ConfigureAwait(false);
            log?.Answered(channel, answer, Stopwatch.GetElapsedTime(started));
            return new ChatAsk(ChatAskStatus.Answered, answer, askId, null, TimeSpan.Zero);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counted here, handled (and logged with its stack) by the front end's own boundary.
            log?.Failed(channel, Stopwatch.GetElapsedTime(started), e);
            throw;
        }
    }
}
