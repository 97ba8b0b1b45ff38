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
}
