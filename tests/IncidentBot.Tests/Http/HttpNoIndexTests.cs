using System.Net;
using System.Text.Json;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Http;

/// <summary>
/// A service whose index cannot be built keeps running: alive, not ready, JSON 503s, and it recovers
/// when an index can be built (by its own reindex or by another process). Each test first waits until
/// the index lifecycle has finished its first attempt, so "not ready" is its outcome, not "still starting".
/// </summary>
public sealed class HttpNoIndexTests
{
    private const string Key = "test-admin-key-5f1c";

    /// <summary>What the lifecycle logs once its first attempt found no index to open or build.</summary>
    private const string GaveUpLog = "/readyz stays 503";

    [Fact]
    public async Task EmptySeedsFolder_AfterTheFirstAttempt_StaysUpButNotReady()
    {
        using var seeds = new TempDirectory();
        await using var service = await RunningService.StartAsync(seeds.Root, waitUntilReady: false);
        await service.Log.WaitForAsync(GaveUpLog);

        var (health, healthBody) = await service.GetJsonAsync("/healthz");
        var (ready, readyBody) = await service.GetJsonAsync("/readyz");
        var (sources, sourcesBody) = await service.GetJsonAsync("/api/sources");
        var (ask, askBody) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));
        var (emptyAsk, emptyAskBody) = await service.GetJsonAsync("/api/ask?q=");

        Assert.False(service.IsStopping, "a service without an index must keep running");
        Assert.Equal(HttpStatusCode.OK, health);
        Assert.Equal("alive", healthBody.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal("starting", readyBody.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, readyBody.GetProperty("index").ValueKind);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sources);
        RunningService.AssertErrorBody(sourcesBody);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ask);
        RunningService.AssertErrorBody(askBody);
        Assert.Equal(HttpStatusCode.BadRequest, emptyAsk);
        RunningService.AssertErrorBody(emptyAskBody);
        Assert.False(TempDirectory.HasCommit(service.IndexPath), "no documents must not produce an (empty) index");
    }

    [Fact]
    public async Task EmptySeedsFolder_ReindexFailsWith422ThenSucceedsOnceADocumentIsAdded()
    {
        using var seeds = new TempDirectory();
        await using var service = await RunningService.StartAsync(seeds.Root, apiKey: Key, waitUntilReady: false);
        await service.Log.WaitForAsync(GaveUpLog);

        using (var failed = await service.PostReindexAsync("Bearer " + Key))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.StatusCode);
            var body = await RunningService.ReadJsonAsync(failed);
            Assert.Equal("failed", body.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("index").ValueKind);
            Assert.Contains(seeds.Root, body.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await service.GetJsonAsync("/readyz")).Status);
        Assert.False(service.IsStopping);

        TestSeeds.CopyTo(TestSeeds.Main, seeds.Root);
        using (var built = await service.PostReindexAsync("Bearer " + Key))
        {
            Assert.Equal(HttpStatusCode.OK, built.StatusCode);
            var body = await RunningService.ReadJsonAsync(built);
            Assert.Equal("built", body.GetProperty("status").GetString());
            Assert.Equal(2, body.GetProperty("index").GetProperty("documents").GetInt32());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("error").ValueKind);
        }

        var (ready, readyBody) = await service.GetJsonAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal("ready", readyBody.GetProperty("status").GetString());
        var (ask, answer) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));
        Assert.Equal(HttpStatusCode.OK, ask);
        Assert.Contains("1,400", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptySeedsFolder_IndexBuiltByAnotherProcess_IsPickedUpAndAnswers()
    {
        using var seeds = new TempDirectory();
        await using var service = await RunningService.StartAsync(seeds.Root, waitUntilReady: false);
        await service.Log.WaitForAsync(GaveUpLog);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await service.GetJsonAsync("/readyz")).Status);

        // `incidentbot reindex` next to the service, on the same index folder with a folder of documents.
        var cli = await CliRunner.RunOnAsync(TestSeeds.Main, service.IndexPath, "reindex");
        Assert.True(cli.ExitCode == 0, cli.ToString());

        await service.WaitUntilReadyAsync();
        var (ask, answer) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));
        Assert.Equal(HttpStatusCode.OK, ask);
        Assert.Contains("1,400", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexPathIsAFile_StaysUpButNotReadyAndReindexIs503()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        await using var service = await RunningService.StartAsync(apiKey: Key, waitUntilReady: false, indexPath: file);
        await service.Log.WaitForAsync(GaveUpLog);

        var (health, _) = await service.GetJsonAsync("/healthz");
        var (ready, _) = await service.GetJsonAsync("/readyz");
        using var reindex = await service.PostReindexAsync("Bearer " + Key);
        var reindexBody = await RunningService.ReadJsonAsync(reindex);

        Assert.False(service.IsStopping);
        Assert.Equal(HttpStatusCode.OK, health);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, reindex.StatusCode);
        Assert.Equal("failed", reindexBody.GetProperty("status").GetString());
        Assert.Contains(file, reindexBody.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("x", await File.ReadAllTextAsync(file));
    }
}
