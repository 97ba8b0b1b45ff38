using IncidentBot.Core.Indexing;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Indexing;

/// <summary>A failed, interrupted or concurrent rebuild never becomes visible; the previous index keeps answering.</summary>
public sealed class IncidentIndexAtomicRebuildTests : IDisposable
{
    private readonly IndexHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ReindexAsync_BuildFailsMidway_OldIndexKeepsAnsweringAndSurvivesRestart()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var engine = _harness.CreateEngine(index);
        var hashA = index.Snapshot!.ContentHash;
        _harness.ReplaceSeeds(FixtureDocs.B);
        var seen = 0;
        index.AfterSentenceIndexed = n =>
        {
            seen = n;
            if (n == 3)
            {
                throw new IOException("disk full");
            }
        };

        var failed = await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.Equal(3, seen);
        Assert.Equal(ReindexStatus.Failed, failed.Status);
        Assert.Equal(ReindexFailure.BuildFailed, failed.Failure);
        Assert.Contains("disk full", failed.Error, StringComparison.Ordinal);
        Assert.True(index.IsReady);
        Assert.Equal(hashA, index.Snapshot!.ContentHash);
        engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
        Assert.False(engine.AskOk(FixtureDocs.QuestionB).Answered);

        // A new process opening the same folder finds the last good commit (A), not the half-built B.
        var restarted = _harness.CreateIndex();
        var restartedEngine = _harness.CreateEngine(restarted);
        restarted.AfterSentenceIndexed = index.AfterSentenceIndexed;
        var restartResult = await restarted.EnsureReadyAsync(CancellationToken.None);
        Assert.Equal(ReindexStatus.Failed, restartResult.Status);
        Assert.True(restarted.IsReady);
        Assert.Equal(hashA, restarted.Snapshot!.ContentHash);
        restartedEngine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
        Assert.False(restartedEngine.AskOk(FixtureDocs.QuestionB).Answered);
        restarted.Dispose();

        // Once the fault is gone the rebuild succeeds and B answers.
        index.AfterSentenceIndexed = null;
        var rebuilt = await index.ReindexAsync(force: false, CancellationToken.None);
        Assert.Equal(ReindexStatus.Built, rebuilt.Status);
        Assert.Equal(5, rebuilt.Index!.Sentences);
        engine.Answers(FixtureDocs.QuestionB, FixtureDocs.AnswerB);
        Assert.False(engine.AskOk(FixtureDocs.QuestionA).Answered);
    }

    [Fact]
    public async Task EnsureReadyAsync_NewInstanceAfterFailedBuild_OpensLastGoodCommit()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var snapshotA = index.Snapshot;
        _harness.ReplaceSeeds(FixtureDocs.B);
        index.AfterSentenceIndexed = n => throw new IOException("disk full");
        Assert.Equal(ReindexStatus.Failed, (await index.ReindexAsync(force: true, CancellationToken.None)).Status);
        index.Dispose();

        // Restart with the seeds of A again: the on-disk commit is still A's, so nothing is rebuilt.
        _harness.ReplaceSeeds(FixtureDocs.A);
        var restarted = _harness.CreateIndex();
        var result = await restarted.EnsureReadyAsync(CancellationToken.None);

        Assert.Equal(ReindexStatus.Unchanged, result.Status);
        Assert.Equal(snapshotA, restarted.Snapshot);
        _harness.CreateEngine(restarted).Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }

    [Theory]
    [InlineData(3)] // the last sentence of the first document: cancellation is seen before the second one
    [InlineData(5)] // the very last sentence: cancellation must still stop the commit
    public async Task ReindexAsync_CancelledMidBuild_ThrowsAndOldIndexKeepsAnswering(int cancelAt)
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var engine = _harness.CreateEngine(index);
        var hashA = index.Snapshot!.ContentHash;
        _harness.ReplaceSeeds(FixtureDocs.B);
        using var cts = new CancellationTokenSource();
        index.AfterSentenceIndexed = n =>
        {
            if (n == cancelAt)
            {
                cts.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.ReindexAsync(force: false, cts.Token));

        Assert.Equal(hashA, index.Snapshot!.ContentHash);
        engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
        Assert.False(engine.AskOk(FixtureDocs.QuestionB).Answered);

        // The build lock was released and the writer rolled back: the next build works.
        index.AfterSentenceIndexed = null;
        Assert.Equal(ReindexStatus.Built, (await index.ReindexAsync(force: false, CancellationToken.None)).Status);
        engine.Answers(FixtureDocs.QuestionB, FixtureDocs.AnswerB);
    }

    [Fact]
    public async Task ReindexAsync_FourConcurrentForcedRequests_AllBuildOneAtATime()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var engine = _harness.CreateEngine(index);
        var running = 0;
        var maxRunning = 0;
        index.AfterSentenceIndexed = n =>
        {
            if (n == 1)
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref maxRunning, now);
                Thread.Sleep(10); // widen the window in which an unserialised build would overlap
            }

            if (n == FixtureDocs.ASentences)
            {
                Interlocked.Decrement(ref running);
            }
        };

        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => index.ReindexAsync(force: true, CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.Status == ReindexStatus.Built, r.Error));
        Assert.Equal(1, maxRunning);
        Assert.Equal(FixtureDocs.ASentences, index.Snapshot!.Sentences);
        engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
        Assert.Equal(FixtureDocs.ADocuments, new SourceCatalog(index).List().Count);
    }

    [Fact]
    public async Task Ask_WhileForcedRebuildRuns_EveryQuestionSucceeds()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var engine = _harness.CreateEngine(index);
        using var buildStarted = new ManualResetEventSlim();
        using var askedDuringBuild = new ManualResetEventSlim();
        using var stop = new CancellationTokenSource();
        index.AfterSentenceIndexed = n =>
        {
            if (n == 1)
            {
                buildStarted.Set();
                // Hold the build open until questions have been answered during it (bounded, never a timing assertion).
                askedDuringBuild.Wait(TimeSpan.FromSeconds(10));
            }
        };

        var asker = Task.Run(() =>
        {
            var failures = new List<string>();
            var asked = 0;
            var askedWhileBuilding = 0;
            while (!stop.IsCancellationRequested)
            {
                var during = buildStarted.IsSet;
                var result = engine.Ask(FixtureDocs.QuestionA);
                if (!result.IsSuccess || !result.Answer.Answered || !result.Answer.Text!.Contains("1,400", StringComparison.Ordinal))
                {
                    failures.Add(result.Error ?? result.Answer?.Message ?? "no text");
                }

                asked++;
                if (during && ++askedWhileBuilding >= 20)
                {
                    askedDuringBuild.Set();
                }
            }

            return (asked, failures);
        });

        var build = await Task.Run(() => index.ReindexAsync(force: true, CancellationToken.None));
        await stop.CancelAsync();
        var (asked, failures) = await asker;

        Assert.Equal(ReindexStatus.Built, build.Status);
        Assert.True(askedDuringBuild.IsSet, "no question was asked while the build was running");
        Assert.True(asked >= 20);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task ReindexAsync_StaleWriteLockFileLeftByCrashedProcess_Builds()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        index.Dispose();
        File.WriteAllText(Path.Combine(_harness.IndexPath, "write.lock"), string.Empty);
        _harness.ReplaceSeeds(FixtureDocs.B);

        var restarted = _harness.CreateIndex();
        var result = await restarted.EnsureReadyAsync(CancellationToken.None);

        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        _harness.CreateEngine(restarted).Answers(FixtureDocs.QuestionB, FixtureDocs.AnswerB);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        do
        {
            current = Volatile.Read(ref target);
            if (value <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref target, value, current) != current);
    }
}
