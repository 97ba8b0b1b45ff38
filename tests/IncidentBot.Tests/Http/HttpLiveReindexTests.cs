using System.Net;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Http;

/// <summary>The running service picks up new documents by itself, and answers all along.</summary>
public sealed class HttpLiveReindexTests
{
    [Fact]
    public async Task NewDocumentInTheSeedsFolder_AnsweredWithoutAnyReindexRequest()
    {
        using var seeds = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(TestSeeds.Main))
        {
            File.Copy(file, Path.Combine(seeds.Root, Path.GetFileName(file)));
        }

        await using var service = await RunningService.StartAsync(seeds: seeds.Root, settings: new Dictionary<string, string?>
        {
            ["Seeds:WatchDebounceMs"] = "200",
        });
        const string Question = "Which lighthouse keeper logged the storm?";
        var (_, before) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(Question));
        Assert.False(before.GetProperty("answered").GetBoolean());

        await File.WriteAllTextAsync(
            Path.Combine(seeds.Root, "storm-log.txt"),
            "The lighthouse keeper Ada Brightwater logged the storm at midnight.");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var (status, body) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(Question));

            // Readiness and answers never stop during the rebuild.
            Assert.Equal(HttpStatusCode.OK, status);
            if (body.GetProperty("answered").GetBoolean())
            {
                Assert.Contains("Brightwater", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the new document was not picked up");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task DeletedDocument_GoneFromAnswersAfterTheRebuild()
    {
        using var seeds = new TempDirectory();
        TestSeeds.CopyTo(TestSeeds.Main, seeds.Root);
        await File.WriteAllTextAsync(Path.Combine(seeds.Root, "storm-log.txt"), "The lighthouse keeper Ada Brightwater logged the storm at midnight.");
        await using var service = await RunningService.StartAsync(seeds: seeds.Root, apiKey: "admin-key-for-tests", settings: new Dictionary<string, string?>
        {
            // The admin reindex, not the watcher, is under test here.
            ["Seeds:Watch"] = "false",
        });
        const string Question = "Which lighthouse keeper logged the storm?";
        Assert.True((await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(Question))).Body.GetProperty("answered").GetBoolean());

        File.Delete(Path.Combine(seeds.Root, "storm-log.txt"));
        using var reindex = await service.PostReindexAsync("Bearer admin-key-for-tests");
        var (_, after) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(Question));
        var (_, sources) = await service.GetJsonAsync("/api/sources");

        Assert.Equal(HttpStatusCode.OK, reindex.StatusCode);
        Assert.False(after.GetProperty("answered").GetBoolean());
        Assert.DoesNotContain(after.GetProperty("citations").EnumerateArray(), c => c.GetProperty("source").GetString() == "storm-log.txt");
        Assert.DoesNotContain(sources.EnumerateArray(), s => s.GetProperty("source").GetString() == "storm-log.txt");
    }

    [Fact]
    public async Task LongRebuild_ReadyAndAnsweringFromThePreviousIndexThroughout()
    {
        using var seeds = new TempDirectory();
        TestSeeds.CopyTo(TestSeeds.Main, seeds.Root);
        await using var service = await RunningService.StartAsync(seeds: seeds.Root, apiKey: "admin-key-for-tests", settings: new Dictionary<string, string?>
        {
            ["Seeds:Watch"] = "false",
        });
        BulkSeeds.Write(Path.Combine(seeds.Root, "bulk"), documents: 80, paragraphs: 25);

        var rebuild = service.PostReindexAsync("Bearer admin-key-for-tests");
        var answeredByThePreviousIndex = 0;
        while (!rebuild.IsCompleted)
        {
            var (ready, readyBody) = await service.GetJsonAsync("/readyz");
            var (asked, answer) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));

            Assert.Equal(HttpStatusCode.OK, ready);
            Assert.Equal(HttpStatusCode.OK, asked);
            Assert.Contains("1,400", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);

            // The new index is published a moment before the reindex response arrives: either may answer.
            var documents = readyBody.GetProperty("index").GetProperty("documents").GetInt32();
            Assert.True(documents is 2 or 82, $"{documents} documents");
            answeredByThePreviousIndex += documents == 2 ? 1 : 0;
            await Task.Delay(20);
        }

        using var done = await rebuild;
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.True(answeredByThePreviousIndex >= 3, $"only {answeredByThePreviousIndex} polls ran while the rebuild did: the corpus is too small to show anything");
        var (_, after) = await service.GetJsonAsync("/readyz");
        Assert.Equal(82, after.GetProperty("index").GetProperty("documents").GetInt32());
    }
}
