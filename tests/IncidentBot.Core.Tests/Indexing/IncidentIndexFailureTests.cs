using IncidentBot.Core.Indexing;
using IncidentBot.Core.Tests.TestSupport;
using Lucene.Net.Index;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace IncidentBot.Core.Tests.Indexing;

/// <summary>
/// Why a build failed is a <see cref="ReindexFailure"/> in the result, never an exception; clearing a
/// corrupt index touches only Lucene's files and nothing while another writer holds the lock.
/// </summary>
public sealed class IncidentIndexFailureTests : IDisposable
{
    private readonly IndexHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task EnsureReadyAsync_CorruptIndexBesideOtherFiles_ClearsTheIndexButKeepsTheOtherFiles()
    {
        _harness.ReplaceSeeds(FixtureDocs.A);
        Directory.CreateDirectory(_harness.IndexPath);
        File.WriteAllBytes(Path.Combine(_harness.IndexPath, "segments_1"), Garbage());
        var notes = Path.Combine(_harness.IndexPath, "notes.txt");
        File.WriteAllText(notes, "kept by a person");

        var index = _harness.CreateIndex();
        var result = await index.EnsureReadyAsync(CancellationToken.None);

        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        Assert.Equal("kept by a person", File.ReadAllText(notes));
        _harness.CreateEngine(index).Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }

    [Fact]
    public async Task EnsureReadyAsync_CorruptIndexWhileAnotherWriterHoldsTheLock_LeavesItsFilesAlone()
    {
        _harness.ReplaceSeeds(FixtureDocs.A);
        Directory.CreateDirectory(_harness.IndexPath);
        var segments = Path.Combine(_harness.IndexPath, "segments_1");
        var garbage = Garbage();
        File.WriteAllBytes(segments, garbage);
        var index = _harness.CreateIndex();

        using (var directory = FSDirectory.Open(_harness.IndexPath))
        using (var writeLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME))
        {
            Assert.True(writeLock.Obtain());

            var locked = await index.EnsureReadyAsync(CancellationToken.None);

            Assert.Equal(ReindexStatus.Failed, locked.Status);
            Assert.Equal(ReindexFailure.Locked, locked.Failure);
            Assert.Contains(_harness.IndexPath, locked.Error, StringComparison.Ordinal);
            Assert.Equal(garbage, File.ReadAllBytes(segments));
            Assert.False(index.IsReady);
        }

        // Once the other writer is gone the corrupt index is cleared and rebuilt.
        var result = await index.EnsureReadyAsync(CancellationToken.None);
        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        _harness.CreateEngine(index).Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }

    [Fact]
    public async Task ReindexAsync_AnotherWriterHoldsTheLock_FailsAsLockedAndTheOldIndexKeepsAnswering()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var engine = _harness.CreateEngine(index);
        var before = index.Snapshot;

        using (var directory = FSDirectory.Open(_harness.IndexPath))
        using (var writeLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME))
        {
            Assert.True(writeLock.Obtain());

            var result = await index.ReindexAsync(force: true, CancellationToken.None);

            Assert.Equal(ReindexStatus.Failed, result.Status);
            Assert.Equal(ReindexFailure.Locked, result.Failure);
            Assert.Null(result.Index);
            Assert.Equal(before, index.Snapshot);
            engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
        }

        var retried = await index.ReindexAsync(force: true, CancellationToken.None);
        Assert.True(retried.Status == ReindexStatus.Built, retried.Error);
    }

    [Fact]
    public async Task ReindexAsync_IndexPathIsAFile_FailsAsIndexUnavailableWithoutThrowing()
    {
        _harness.ReplaceSeeds(FixtureDocs.A);
        Directory.CreateDirectory(_harness.Root);
        File.WriteAllText(_harness.IndexPath, "not a folder");
        var index = _harness.CreateIndex();

        Assert.False(await index.TryOpenAsync(CancellationToken.None));
        var result = await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.Equal(ReindexStatus.Failed, result.Status);
        Assert.Equal(ReindexFailure.IndexUnavailable, result.Failure);
        Assert.Contains(_harness.IndexPath, result.Error, StringComparison.Ordinal);
        Assert.Null(result.Index);
        Assert.False(index.IsReady);
        Assert.Equal("not a folder", File.ReadAllText(_harness.IndexPath));
        Assert.Equal(ReindexFailure.IndexUnavailable, (await index.EnsureReadyAsync(CancellationToken.None)).Failure);
    }

    private static byte[] Garbage()
    {
        var bytes = new byte[512];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
