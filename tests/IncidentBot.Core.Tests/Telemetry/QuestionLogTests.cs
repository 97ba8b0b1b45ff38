using IncidentBot.Core.Conversations;
using IncidentBot.Core.Telemetry;
using IncidentBot.Core.Tests.Conversations;
using IncidentBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace IncidentBot.Core.Tests.Telemetry;

/// <summary>
/// Every chat question is counted by platform and outcome, timed when answered, and logged on one line that
/// never holds the question text at Information level.
/// </summary>
public sealed class QuestionLogTests : IDisposable
{
    private const string Question = "Which keeper logged the storm?";

    private readonly IndexHarness _index = new();
    private readonly ConversationHarness _data = new();
    private readonly TestMeterFactory _meters = new();
    private readonly FakeLogger<QuestionLog> _log = new();
    private readonly MetricCollector<long> _questions;
    private readonly MetricCollector<double> _durations;
    private readonly MetricCollector<long> _rateLimited;

    public QuestionLogTests()
    {
        _questions = new MetricCollector<long>(_meters, IncidentBotMetrics.MeterName, "incidentbot.questions");
        _durations = new MetricCollector<double>(_meters, IncidentBotMetrics.MeterName, "incidentbot.answer.duration");
        _rateLimited = new MetricCollector<long>(_meters, IncidentBotMetrics.MeterName, "incidentbot.rate_limited");
    }

    public void Dispose()
    {
        _questions.Dispose();
        _durations.Dispose();
        _rateLimited.Dispose();
        _meters.Dispose();
        _data.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task Answered_CountedTimedAndLoggedWithoutTheQuestion()
    {
        var (questions, store) = await CreateAsync();
        using (store)
        using (var limiter = new UserRateLimiter(5, TimeSpan.FromSeconds(30)))
        {
            await questions.AskAsync("discord", "U1", Question, limiter, 3, CancellationToken.None);
        }

        var counted = Assert.Single(_questions.GetMeasurementSnapshot());
        Assert.Equal(1, counted.Value);
        Assert.Equal("discord", counted.Tags["platform"]);
        Assert.Equal("answered", counted.Tags["outcome"]);
        var timed = Assert.Single(_durations.GetMeasurementSnapshot());
        Assert.InRange(timed.Value, 0, 5);
        Assert.Equal("discord", timed.Tags["platform"]);

        var line = Assert.Single(_log.Collector.GetSnapshot(), r => r.Level == LogLevel.Information);
        Assert.Contains("discord", line.Message, StringComparison.Ordinal);
        Assert.Contains("answered", line.Message, StringComparison.Ordinal);
        Assert.Contains(" ms", line.Message, StringComparison.Ordinal);
        Assert.Contains("log.txt", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("keeper", line.Message, StringComparison.OrdinalIgnoreCase);
        Assert.All(_log.Collector.GetSnapshot().Where(r => r.Level >= LogLevel.Information), r => Assert.DoesNotContain("keeper", r.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task QuestionText_OnlyAtDebug()
    {
        var (questions, store) = await CreateAsync();
        using (store)
        using (var limiter = new UserRateLimiter(5, TimeSpan.FromSeconds(30)))
        {
            await questions.AskAsync("slack", "U1", Question, limiter, 3, CancellationToken.None);
        }

        var text = Assert.Single(_log.Collector.GetSnapshot(), r => r.Message.Contains(Question, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, text.Level);
    }

    [Fact]
    public async Task Unanswerable_CountedAsUnanswered()
    {
        var (questions, store) = await CreateAsync();
        using (store)
        using (var limiter = new UserRateLimiter(5, TimeSpan.FromSeconds(30)))
        {
            var asked = await questions.AskAsync("slack", "U1", "quantum chromodynamics lattice", limiter, 3, CancellationToken.None);
            Assert.False(asked.Answer!.Answered);
        }

        var counted = Assert.Single(_questions.GetMeasurementSnapshot());
        Assert.Equal("unanswered", counted.Tags["outcome"]);
        Assert.Single(_durations.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task InvalidAndRateLimited_CountedAsRejected_RateLimitCountedApart()
    {
        var (questions, store) = await CreateAsync();
        using (store)
        using (var limiter = new UserRateLimiter(1, TimeSpan.FromMinutes(5)))
        {
            await questions.AskAsync("discord", "U1", "   ", limiter, 3, CancellationToken.None);
            await questions.AskAsync("discord", "U1", Question, limiter, 3, CancellationToken.None);
            await questions.AskAsync("discord", "U1", Question, limiter, 3, CancellationToken.None);
        }

        var outcomes = _questions.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!).ToList();
        Assert.Equal(["rejected", "answered", "rejected"], outcomes);
        var limited = Assert.Single(_rateLimited.GetMeasurementSnapshot());
        Assert.Equal("discord", limited.Tags["platform"]);

        // Only answers are timed: a refusal's microseconds would drag the latency histogram down.
        Assert.Single(_durations.GetMeasurementSnapshot());
        var reasons = _log.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Information).Select(r => r.Message).ToList();
        Assert.Contains(reasons, m => m.Contains("rejected (invalid)", StringComparison.Ordinal));
        Assert.Contains(reasons, m => m.Contains("rejected (rate_limited)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoIndexYet_CountedAsRejectedNotReady()
    {
        var index = _index.CreateIndex();
        using var store = _data.CreateStore();
        var questions = new ChatQuestions(_index.CreateEngine(index), store, new QuestionLog(new IncidentBotMetrics(_meters), _log));
        using var limiter = new UserRateLimiter(5, TimeSpan.FromSeconds(30));

        await questions.AskAsync("slack", "U1", Question, limiter, 3, CancellationToken.None);

        Assert.Equal("rejected", Assert.Single(_questions.GetMeasurementSnapshot()).Tags["outcome"]);
        Assert.Contains(_log.Collector.GetSnapshot(), r => r.Message.Contains("rejected (not_ready)", StringComparison.Ordinal));
    }

    [Fact]
    public void Failed_CountedAsErrorNotTimed_WarningNamesTheErrorNotTheQuestion()
    {
        var log = new QuestionLog(new IncidentBotMetrics(_meters), _log);

        log.Failed("http", TimeSpan.FromMilliseconds(3), new IOException("disk gone"));

        var counted = Assert.Single(_questions.GetMeasurementSnapshot());
        Assert.Equal("error", counted.Tags["outcome"]);
        Assert.Equal("http", counted.Tags["platform"]);
        Assert.Empty(_durations.GetMeasurementSnapshot());
        var line = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("IOException", line.Message, StringComparison.Ordinal);
    }

    private async Task<(ChatQuestions Questions, ConversationStore Store)> CreateAsync()
    {
        var index = await _index.CreateReadyIndexAsync(new Dictionary<string, string>
        {
            ["log.txt"] = "The lighthouse keeper Ada Brightwater logged the storm at midnight.",
        });
        var store = _data.CreateStore();
        return (new ChatQuestions(_index.CreateEngine(index), store, new QuestionLog(new IncidentBotMetrics(_meters), _log)), store);
    }
}
