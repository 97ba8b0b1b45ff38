using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Tests.Documents;

/// <summary>The watcher on a real seeds folder and a real index: documents appear and disappear by themselves.</summary>
public sealed class SeedsWatcherTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly IndexHarness _harness = new();
    private readonly CancellationTokenSource _stop = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task RunAsync_DocumentAddedThenDeleted_IndexFollowsWithoutBeingAsked()
    {
        var index = await _harness.CreateReadyIndexAsync(new Dictionary<string, string> { ["a.txt"] = "The first report mentions pagers." });
        var run = StartWatcher(index, pollSeconds: 0);

        _harness.WriteSeed("b.txt", "The second report mentions lighthouses.");
        await WaitUntilAsync(() => index.Snapshot?.Documents == 2, "the added document is indexed");
        var engine = _harness.CreateEngine(index);
        Assert.True(engine.Ask("lighthouses").Answer!.Answered);

        File.Delete(Path.Combine(_harness.SeedsPath, "b.txt"));
        await WaitUntilAsync(() => index.Snapshot?.Documents == 1, "the deleted document is gone");
        Assert.False(engine.Ask("lighthouses").Answer!.Answered);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_BurstOfFiles_AllPickedUpAfterTheQuietSpell()
    {
        var index = await _harness.CreateReadyIndexAsync(new Dictionary<string, string> { ["a.txt"] = "Seed one." });
        var builtBefore = index.Snapshot!.BuiltAt;
        var run = StartWatcher(index, pollSeconds: 0, debounceMs: 1000);

        for (var i = 0; i < 5; i++)
        {
            _harness.WriteSeed($"burst-{i}.txt", $"Burst document number {i} about tides.");
        }

        await WaitUntilAsync(() => index.Snapshot?.Documents == 6, "all five files are indexed");
        Assert.True(index.Snapshot!.BuiltAt > builtBefore);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_ChangeWithoutFileEvents_FoundByThePeriodicCheck()
    {
        // Some mounts raise no file events; the poll (here 1 s) still finds the change by its content hash.
        var index = await _harness.CreateReadyIndexAsync(new Dictionary<string, string> { ["a.txt"] = "Seed one." });
        using var watcher = new SeedsWatcher(index, Options.Create(new SeedsOptions { Path = _harness.SeedsPath, PollSeconds = 1, WatchDebounceMs = 100 }), TimeProvider.System, NullLogger<SeedsWatcher>.Instance);
        var run = watcher.RunAsync(_stop.Token);

        _harness.WriteSeed("late.txt", "A late document about harbours.");

        await WaitUntilAsync(() => index.Snapshot?.Documents == 2, "the periodic check rebuilt the index");
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_BrokenChange_OldIndexKeepsAnswering()
    {
        var index = await _harness.CreateReadyIndexAsync(new Dictionary<string, string> { ["a.txt"] = "The report mentions pagers." });
        var hash = index.Snapshot!.ContentHash;
        var run = StartWatcher(index, pollSeconds: 0);

        // Every document removed: a rebuild would fail (no usable documents), so the previous index stays.
        File.Delete(Path.Combine(_harness.SeedsPath, "a.txt"));
        await Task.Delay(1500);

        Assert.Equal(hash, index.Snapshot?.ContentHash);
        Assert.True(_harness.CreateEngine(index).Ask("pagers").Answer!.Answered);
        Assert.False(run.IsCompleted);
    }

    private Task StartWatcher(IncidentIndex index, int pollSeconds, int debounceMs = 200)
    {
        var watcher = new SeedsWatcher(
            index,
            Options.Create(new SeedsOptions { Path = _harness.SeedsPath, PollSeconds = pollSeconds, WatchDebounceMs = debounceMs }),
            TimeProvider.System,
            NullLogger<SeedsWatcher>.Instance);
        var run = watcher.RunAsync(_stop.Token);
        _ = run.ContinueWith(_ => watcher.Dispose(), TaskScheduler.Default);
        return run;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(50);
        }
    }
}
