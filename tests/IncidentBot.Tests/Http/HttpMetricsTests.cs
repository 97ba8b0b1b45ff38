using System.Globalization;
using System.Net;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Http;

/// <summary><c>/metrics</c> in Prometheus text format, and the one log line per question, on the real service.</summary>
/// <remarks>
/// Alone: the exporter listens to every meter named "IncidentBot" in the process, so the services other tests
/// run in parallel would add their questions and index gauges to these counts.
/// </remarks>
[Collection(SerialMetricsTests.Name)]
public sealed class HttpMetricsTests
{
    [Fact]
    public async Task Metrics_AfterQuestions_CountsByOutcome_TimesAnswers_MeasuresTheIndex()
    {
        await using var service = await RunningService.StartAsync();
        await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));
        await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));
        await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.UnanswerableQuestion));
        await service.GetJsonAsync("/api/ask?q=");

        using var response = await service.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal(2, Value(text, "incidentbot_questions_total", "outcome=\"answered\"", "platform=\"http\""));
        Assert.Equal(1, Value(text, "incidentbot_questions_total", "outcome=\"unanswered\"", "platform=\"http\""));
        Assert.Equal(1, Value(text, "incidentbot_questions_total", "outcome=\"rejected\"", "platform=\"http\""));
        Assert.Equal(3, Value(text, "incidentbot_answer_duration_seconds_count", "platform=\"http\""));
        Assert.Equal(3, Value(text, "incidentbot_answer_duration_seconds_bucket", "platform=\"http\"", "le=\"+Inf\""));
        Assert.Equal(2, Value(text, "incidentbot_index_documents"));
        Assert.True(Value(text, "incidentbot_index_rebuild_duration_seconds", "status=\"built\"") > 0);
        Assert.Equal(1, Value(text, "incidentbot_index_rebuilds_total", "status=\"built\""));

        // HTTP server and runtime instruments ride along for operators' usual dashboards.
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionLogLine_OutcomeAndLatency_NoQuestionTextAtInformation()
    {
        await using var service = await RunningService.StartAsync();

        await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));

        var line = await service.Log.WaitForAsync("Question on http: answered in ");
        Assert.Matches(@"answered in \d+(\.\d)? ms", line);
        Assert.DoesNotContain(service.Log.Lines, l => l.Contains(TestSeeds.TargetedQuestion, StringComparison.Ordinal) && !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal));
    }

    /// <summary>The value of the one sample of <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    private static double Value(string exposition, string name, params string[] labels)
    {
        var samples = exposition.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(l => labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            .ToList();
        var sample = Assert.Single(samples);
        var value = sample[(sample.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
        return double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
