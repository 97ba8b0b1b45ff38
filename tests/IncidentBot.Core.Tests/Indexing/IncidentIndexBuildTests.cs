using IncidentBot.Core.Answers;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Indexing;

public sealed class IncidentIndexBuildTests : IDisposable
{
    private readonly IndexHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task EnsureReadyAsync_NoIndexOnDisk_BuildsWithFixtureCounts()
    {
        _harness.ReplaceSeeds(FixtureDocs.A);
        var index = _harness.CreateIndex();
        Assert.False(index.IsReady);

        var result = await index.EnsureReadyAsync(CancellationToken.None);

        Assert.Equal(ReindexStatus.Built, result.Status);
        Assert.True(result.Succeeded);
        Assert.Equal(ReindexFailure.None, result.Failure);
        Assert.Null(result.Error);
        Assert.True(index.IsReady);
        var snapshot = Assert.IsType<IndexSnapshotInfo>(index.Snapshot);
        Assert.Equal(snapshot, result.Index);
        Assert.Equal(FixtureDocs.ADocuments, snapshot.Documents);
        Assert.Equal(FixtureDocs.AParagraphs, snapshot.Paragraphs);
        Assert.Equal(FixtureDocs.ASentences, snapshot.Sentences);
        Assert.Equal(SeedLoader.ComputeContentHash(_harness.SeedsPath), snapshot.ContentHash);
        _harness.CreateEngine(index).Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }

    [Fact]
    public async Task EnsureReadyAsync_CalledTwice_SecondIsUnchanged()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var first = index.Snapshot;

        var result = await index.EnsureReadyAsync(CancellationToken.None);

        Assert.Equal(ReindexStatus.Unchanged, result.Status);
        Assert.Null(result.Error);
        Assert.Same(first, index.Snapshot);
        Assert.Equal(first, result.Index);
    }

    [Fact]
    public async Task EnsureReadyAsync_NewInstanceOnBuiltFolder_OpensExistingIndexUnchanged()
    {
        var first = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var builtAt = first.Snapshot!.BuiltAt;

        var restarted = _harness.CreateIndex();
        var result = await restarted.EnsureReadyAsync(CancellationToken.None);

        Assert.Equal(ReindexStatus.Unchanged, result.Status);
        Assert.Equal(builtAt, restarted.Snapshot!.BuiltAt);
        _harness.CreateEngine(restarted).Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }

    [Theory]
    [InlineData(false, ReindexStatus.Unchanged)]
    [InlineData(true, ReindexStatus.Built)]
    public async Task ReindexAsync_SeedsUnchanged_BuildsOnlyWhenForced(bool force, ReindexStatus expected)
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);

        var result = await index.ReindexAsync(force, CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Null(result.Error);
        Assert.Equal(FixtureDocs.ASentences, result.Index!.Sentences);
        _harness.CreateEngine(index).Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }

    [Fact]
    public async Task ReindexAsync_SeedFileChanged_BuildsAndAnswersFromNewText()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var engine = _harness.CreateEngine(index);
        var oldHash = index.Snapshot!.ContentHash;
        _harness.WriteSeed("breach.txt", FixtureDocs.Breach.Replace("over 1,400 users", "over 2,900 users", StringComparison.Ordinal));

        var result = await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.Equal(ReindexStatus.Built, result.Status);
        Assert.NotEqual(oldHash, index.Snapshot!.ContentHash);
        var answer = engine.Answers(FixtureDocs.QuestionA, "over 2,900 users were targeted");
        Assert.DoesNotContain("1,400", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReindexAsync_SeedFileAdded_NewDocumentAnswers()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var engine = _harness.CreateEngine(index);
        Assert.False(engine.AskOk(FixtureDocs.QuestionB).Answered);
        _harness.WriteSeed("krakatoa.txt", FixtureDocs.Krakatoa);

        var result = await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.Equal(ReindexStatus.Built, result.Status);
        Assert.Equal(FixtureDocs.ADocuments + 1, result.Index!.Documents);
        engine.Answers(FixtureDocs.QuestionB, FixtureDocs.AnswerB);
        engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }

    [Theory]
    [InlineData("garbage-segments")]
    [InlineData("garbage-segments-and-gen")]
    [InlineData("empty-segments")]
    public async Task EnsureReadyAsync_UnreadableIndexFiles_RebuildsAndAnswers(string damage)
    {
        _harness.ReplaceSeeds(FixtureDocs.A);
        Directory.CreateDirectory(_harness.IndexPath);
        var random = new Random(42);
        var garbage = new byte[512];
        random.NextBytes(garbage);
        File.WriteAllBytes(Path.Combine(_harness.IndexPath, "segments_1"), damage == "empty-segments" ? [] : garbage);
        if (damage == "garbage-segments-and-gen")
        {
            File.WriteAllBytes(Path.Combine(_harness.IndexPath, "segments.gen"), garbage[..20]);
        }

        var index = _harness.CreateIndex();
        var result = await index.EnsureReadyAsync(CancellationToken.None);

        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        Assert.True(index.IsReady);
        _harness.CreateEngine(index).Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }

    [Fact]
    public async Task EnsureReadyAsync_ExistingIndexCorruptedAfterBuild_RebuildsOnRestart()
    {
        var first = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        first.Dispose();
        foreach (var file in Directory.GetFiles(_harness.IndexPath))
        {
            if (!Path.GetFileName(file).Equals("write.lock", StringComparison.Ordinal))
            {
                File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8]);
            }
        }

        var restarted = _harness.CreateIndex();
        var result = await restarted.EnsureReadyAsync(CancellationToken.None);

        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        _harness.CreateEngine(restarted).Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }

    [Fact]
    public async Task EnsureReadyAsync_SeedsFolderMissing_FailsWithNotFoundAndIsNotReady()
    {
        var missing = Path.Combine(_harness.Root, "no-such-seeds");
        var index = _harness.CreateIndex(missing);

        var result = await index.EnsureReadyAsync(CancellationToken.None);

        Assert.Equal(ReindexStatus.Failed, result.Status);
        Assert.False(result.Succeeded);
        Assert.Equal(ReindexFailure.SeedsUnavailable, result.Failure);
        Assert.Contains("not found", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
        Assert.False(_harness.HasCommit);
        Assert.Null(result.Index);
        Assert.False(index.IsReady);
        Assert.Null(index.Snapshot);
        Assert.Equal(AskErrorKind.NotReady, _harness.CreateEngine(index).Ask(FixtureDocs.QuestionA).ErrorKind);
    }

    [Fact]
    public async Task EnsureReadyAsync_SeedsFolderEmpty_FailsAndIsNotReady()
    {
        var index = _harness.CreateIndex();

        var result = await index.EnsureReadyAsync(CancellationToken.None);

        Assert.Equal(ReindexStatus.Failed, result.Status);
        Assert.Equal(ReindexFailure.SeedsUnavailable, result.Failure);
        Assert.Contains(_harness.SeedsPath, result.Error, StringComparison.Ordinal);
        Assert.False(index.IsReady);
        Assert.False(_harness.HasCommit, "no documents must not produce an (empty) index");
    }

    [Fact]
    public async Task EnsureReadyAsync_SeedsRemovedAfterBuild_FailsButOldIndexKeepsAnswering()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        Directory.Delete(_harness.SeedsPath, recursive: true);

        var result = await index.ReindexAsync(force: true, CancellationToken.None);

        Assert.Equal(ReindexStatus.Failed, result.Status);
        Assert.Contains("not found", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.True(index.IsReady);
        _harness.CreateEngine(index).Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }
}
