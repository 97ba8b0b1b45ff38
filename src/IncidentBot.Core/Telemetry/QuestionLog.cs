using IncidentBot.Core.Answers;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Core.Telemetry;

/// <summary>
/// One log line and the metrics for every question any front end handled. The line carries the outcome,
/// latency and top citation, never the question: what people ask can be private. The text is logged on a
/// separate Debug line, which an operator turns on deliberately
/// (<c>Logging__LogLevel__IncidentBot.Core.Telemetry.QuestionLog=Debug</c>).
/// </summary>
public sealed partial class QuestionLog(IncidentBotMetrics metrics, ILogger<QuestionLog> logger)
{
    public const string InvalidReason = "invalid";
    public const string RateLimitedReason = "rate_limited";
    public const string NotReadyReason = "not_ready";

    /// <summary>Records an answered (or honestly unanswered) question.</summary>
    public void Answered(string platform, Answer answer, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var outcome = answer.Answered ? QuestionOutcome.Answered : QuestionOutcome.Unanswered;
        metrics.QuestionAsked(platform, outcome, elapsed);
        var top = answer.Citations.Count > 0 ? answer.Citations[0] : null;
        var outcomeName = IncidentBotMetrics.OutcomeName(outcome);
        LogAnswered(platform, outcomeName, elapsed.TotalMilliseconds, top?.Source, top?.Paragraph);
        LogQuestionText(platform, answer.Question);
    }

    /// <summary>Records a question that was not asked: <paramref name="reason"/> is "invalid", "rate_limited" or "not_ready".</summary>
    public void Rejected(string platform, string reason, TimeSpan elapsed, string? question)
    {
        metrics.QuestionAsked(platform, QuestionOutcome.Rejected, elapsed);
        if (reason == RateLimitedReason)
        {
            metrics.RateLimited(platform);
        }

        LogRejected(platform, reason, elapsed.TotalMilliseconds);
        LogQuestionText(platform, question);
    }

    /// <summary>Records a question whose answering threw (the exception itself is logged where it is handled).</summary>
    public void Failed(string platform, TimeSpan elapsed, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        metrics.QuestionAsked(platform, QuestionOutcome.Error, elapsed);
        LogFailed(platform, elapsed.TotalMilliseconds, error.GetType().Name);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Question on {Platform}: {Outcome} in {ElapsedMs:0.0} ms (top citation {Source} ¶{Paragraph})")]
    private partial void LogAnswered(string platform, string outcome, double elapsedMs, string? source, int? paragraph);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Question on {Platform}: rejected ({Reason}) in {ElapsedMs:0.0} ms")]
    private partial void LogRejected(string platform, string reason, double elapsedMs);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Question on {Platform}: error ({ErrorType}) after {ElapsedMs:0.0} ms")]
    private partial void LogFailed(string platform, double elapsedMs, string errorType);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Question on {Platform} was: {Question}")]
    private partial void LogQuestionText(string platform, string? question);
}
