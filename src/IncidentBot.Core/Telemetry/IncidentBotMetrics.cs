using System.Diagnostics.Metrics;

namespace IncidentBot.Core.Telemetry;

/// <summary>
/// The service's own instruments, on one <see cref="Meter"/> named <see cref="MeterName"/> (exported at
/// <c>/metrics</c> in Prometheus format by the host). Names follow OpenTelemetry's conventions; the Prometheus
/// exporter turns <c>incidentbot.questions</c> into <c>incidentbot_questions_total</c> and a histogram in
/// seconds into <c>…_seconds_bucket</c>.
/// </summary>
public sealed class IncidentBotMetrics
{
    public const string MeterName = "IncidentBot";

    /// <summary>
    /// Answers take a few milliseconds; the default OpenTelemetry buckets (0, 5, 10, 25 … 10000) are meant for
    /// milliseconds and would put every answer in the first bucket or two of a histogram in seconds.
    /// </summary>
    private static readonly double[] AnswerBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    private readonly Counter<long> _questions;
    private readonly Histogram<double> _answerDuration;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _resumes;
    private readonly Counter<long> _upstreamRateLimited;

    public IncidentBotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _questions = meter.CreateCounter<long>(
            "incidentbot.questions", "{question}", "Questions by platform (http, discord, slack) and outcome (answered, unanswered, rejected, error).");
        _answerDuration = meter.CreateHistogram(
            "incidentbot.answer.duration",
            "s",
            "Time to answer a question, from receipt to the composed answer (before it is sent).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AnswerBuckets });
        _rateLimited = meter.CreateCounter<long>(
            "incidentbot.rate_limited", "{request}", "Questions refused because the asker exceeded the per-user rate limit.");
        _reconnects = meter.CreateCounter<long>(
            "incidentbot.chat.reconnects", "{connection}", "Chat connections (Discord gateway shards, Slack Socket Mode) that dropped and are reconnecting.");
        _resumes = meter.CreateCounter<long>(
            "incidentbot.chat.resumes", "{session}", "Discord gateway sessions resumed after a reconnect (no events lost).");
        _upstreamRateLimited = meter.CreateCounter<long>(
            "incidentbot.chat.api.rate_limited", "{response}", "429 responses from a chat platform's API (Discord REST); the request waited and was retried.");
    }

    public void QuestionAsked(string platform, QuestionOutcome outcome, TimeSpan elapsed)
    {
        var platformTag = new KeyValuePair<string, object?>("platform", platform);
        _questions.Add(1, platformTag, new KeyValuePair<string, object?>("outcome", OutcomeName(outcome)));
        if (outcome is QuestionOutcome.Answered or QuestionOutcome.Unanswered)
        {
            _answerDuration.Record(elapsed.TotalSeconds, platformTag);
        }
    }

    public void RateLimited(string platform) => _rateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void Reconnecting(string platform) => _reconnects.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void Resumed(string platform) => _resumes.Add(1, new KeyValuePair<string, object?>("platform", platform));

    /// <param name="platform">"discord".</param>
    /// <param name="scope">"route", "global", "shared": the kind of limit the platform reported.</param>
    public void UpstreamRateLimited(string platform, string scope) =>
        _upstreamRateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("scope", scope));

    public static string OutcomeName(QuestionOutcome outcome) => outcome switch
    {
        QuestionOutcome.Answered => "answered",
        QuestionOutcome.Unanswered => "unanswered",
        QuestionOutcome.Rejected => "rejected",
        _ => "error",
    };
}
