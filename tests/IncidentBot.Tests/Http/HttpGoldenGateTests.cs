using System.Net;
using System.Text.Json;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Http;

/// <summary>
/// The golden-question gate end to end: golden questions in the seeds folder (the default place), a document
/// broken by mistake, and an admin reindex over HTTP that keeps the good index unless forced.
/// </summary>
public sealed class HttpGoldenGateTests
{
    private const string Key = "golden-gate-admin-key";

    [Fact]
    public async Task Reindex_DocumentTruncatedByMistake_Returns409AndKeepsAnswering_ForceOverrides()
    {
        using var seeds = new TempDirectory();
        TestSeeds.CopyTo(TestSeeds.Main, seeds.Root);
        await File.WriteAllLinesAsync(seeds.Combine("golden-questions.jsonl"), [
            $$"""{"question": "{{TestSeeds.TargetedQuestion}}", "expect": ["1,400"]}""",
            """{"question": "Which minister expressed displeasure at the breach?", "expect": ["Ravi Shankar Prasad"]}""",
            $$"""{"question": "{{TestSeeds.UnanswerableQuestion}}", "expect": [], "unanswerable": true}""",
        ]);
        await using var service = await RunningService.StartAsync(seeds: seeds.Root, apiKey: Key, settings: new Dictionary<string, string?>
        {
            ["Seeds:Watch"] = "false",
        });

        // Someone saves the report with only its first paragraph left.
        var report = seeds.Combine(TestSeeds.SeedFile);
        var text = await File.ReadAllTextAsync(report);
        await File.WriteAllTextAsync(report, text[..text.IndexOf("\n\n", StringComparison.Ordinal)]);

        using (var refused = await service.PostReindexAsync("Bearer " + Key))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var body = await RunningService.ReadJsonAsync(refused);
            Assert.Equal("failed", body.GetProperty("status").GetString());
            Assert.Contains("golden questions", body.GetProperty("error").GetString(), StringComparison.Ordinal);
            var golden = body.GetProperty("golden");
            Assert.Equal(3, golden.GetProperty("questions").GetInt32());
            Assert.Equal(3, golden.GetProperty("passedBefore").GetInt32());
            Assert.True(golden.GetProperty("regressed").GetBoolean());
            Assert.Contains(TestSeeds.TargetedQuestion, golden.GetProperty("newlyFailed").EnumerateArray().Select(q => q.GetString()));
        }

        Assert.Contains("1,400", await AnswerAsync(service), StringComparison.Ordinal);

        using (var forced = await service.PostReindexAsync("Bearer " + Key, "?force=true"))
        {
            Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
            var body = await RunningService.ReadJsonAsync(forced);
            Assert.Equal("built", body.GetProperty("status").GetString());
            Assert.True(body.GetProperty("golden").GetProperty("regressed").GetBoolean());
        }

        Assert.Null(await AnswerAsync(service));
    }

    private static async Task<string?> AnswerAsync(RunningService service)
    {
        var (status, body) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("answer").ValueKind == JsonValueKind.Null ? null : body.GetProperty("answer").GetString();
    }
}
