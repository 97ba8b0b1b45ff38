using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Tests.TestSupport;
using Lucene.Net.Index;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace IncidentBot.Core.Tests.Indexing;

/// <summary>
/// Opening what is on disk: an index of another schema is never loaded, <c>TryOpenAsync</c> picks up an
/// index another process built, and <c>RefreshIfChanged</c> picks up a later commit.
/// </summary>
public sealed class IncidentIndexLifecycleTests : IDisposable
{
    private readonly IndexHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task TryOpenAsync_IndexOfAnotherSchema_IsNotOpenedAndEnsureReadyRebuildsIt()
    {
        var first = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        first.Dispose();
        RewriteSchema(_harness.IndexPath, "0");

        var index = _harness.CreateIndex();
        var engine = _harness.CreateEngine(index);

        Assert.False(await index.TryOpenAsync(CancellationToken.None));
        Assert.False(index.IsReady);
        Assert.Null(index.Snapshot);
        var result = await index.EnsureReadyAsync(CancellationToken.None);

        // The seeds are unchanged, so only the schema check can make this a build rather than "Unchanged".
        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        Assert.Equal(ReindexFailure.None, result.Failure);
        Assert.True(index.IsReady);
        Assert.Equal(IndexFields.SchemaVersion, ReadCommitData(_harness.IndexPath)[IndexFields.CommitSchema]);
        engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
    }

    [Fact]
    public async Task EnsureReadyAsync_IndexOfAnotherSchemaAndNoSeeds_FailsAndNeverAnswersFromIt()
    {
        var first = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        first.Dispose();
        RewriteSchema(_harness.IndexPath, "0");
        Directory.Delete(_harness.SeedsPath, recursive: true);

        var index = _harness.CreateIndex();
        var result = await index.EnsureReadyAsync(CancellationToken.None);

        Assert.Equal(ReindexStatus.Failed, result.Status);
        Assert.Equal(ReindexFailure.SeedsUnavailable, result.Failure);
        Assert.False(index.IsReady);
        Assert.Equal(AskErrorKind.NotReady, _harness.CreateEngine(index).Ask(FixtureDocs.QuestionA).ErrorKind);
    }

    [Fact]
    public async Task TryOpenAsync_NoIndexOnDisk_ReturnsFalseWithoutBuilding()
    {
        _harness.ReplaceSeeds(FixtureDocs.A);
        var index = _harness.CreateIndex();

        Assert.False(await index.TryOpenAsync(CancellationToken.None));

        Assert.False(index.IsReady);
        Assert.False(_harness.HasCommit, "TryOpenAsync must open what is there, never build");
    }

    [Fact]
    public async Task TryOpenAsync_AfterAnotherInstanceBuilt_OpensItAndAnswers()
    {
        // The service cannot build (its seeds folder is empty); another process (a CLI reindex) can.
        var emptySeeds = Path.Combine(_harness.Root, "empty-seeds");
        Directory.CreateDirectory(emptySeeds);
        var service = _harness.CreateIndex(emptySeeds);
        var engine = _harness.CreateEngine(service);
        var failed = await service.EnsureReadyAsync(CancellationToken.None);
        Assert.Equal(ReindexFailure.SeedsUnavailable, failed.Failure);
        Assert.False(await service.TryOpenAsync(CancellationToken.None));

        _harness.ReplaceSeeds(FixtureDocs.A);
        var other = _harness.CreateIndex();
        Assert.Equal(ReindexStatus.Built, (await other.ReindexAsync(force: false, CancellationToken.None)).Status);

        Assert.True(await service.TryOpenAsync(CancellationToken.None));
        Assert.True(service.IsReady);
        Assert.Equal(other.Snapshot, service.Snapshot);
        engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
        Assert.True(await service.TryOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RefreshIfChanged_AnotherInstanceRebuilt_SwitchesToTheNewCommitOnce()
    {
        var service = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        var engine = _harness.CreateEngine(service);
        var other = _harness.CreateIndex();
        Assert.Equal(ReindexStatus.Unchanged, (await other.EnsureReadyAsync(CancellationToken.None)).Status);
        Assert.False(service.RefreshIfChanged());

        _harness.WriteSeed("breach.txt", FixtureDocs.Breach.Replace("over 1,400 users", "over 2,900 users", StringComparison.Ordinal));
        Assert.Equal(ReindexStatus.Built, (await other.ReindexAsync(force: true, CancellationToken.None)).Status);
        Assert.NotEqual(other.Snapshot!.ContentHash, service.Snapshot!.ContentHash);

        Assert.True(service.RefreshIfChanged());

        Assert.Equal(other.Snapshot.ContentHash, service.Snapshot!.ContentHash);
        Assert.Equal(other.Snapshot, service.Snapshot);
        var answer = engine.Answers(FixtureDocs.QuestionA, "over 2,900 users were targeted");
        Assert.DoesNotContain("1,400", answer.Text, StringComparison.Ordinal);
        Assert.False(service.RefreshIfChanged());
    }

    [Fact]
    public void RefreshIfChanged_NothingOpen_ReturnsFalse()
    {
        var index = _harness.CreateIndex();

        Assert.False(index.RefreshIfChanged());
        Assert.False(index.IsReady);
    }

    /// <summary>The user data of the latest commit on disk.</summary>
    private static Dictionary<string, string> ReadCommitData(string indexPath)
    {
        using var directory = FSDirectory.Open(indexPath);
        return new Dictionary<string, string>(DirectoryReader.ListCommits(directory)[^1].UserData);
    }

    /// <summary>Commits the same index again with another schema version in its user data (as an older release would have).</summary>
    private static void RewriteSchema(string indexPath, string schema)
    {
        var data = ReadCommitData(indexPath);
        data[IndexFields.CommitSchema] = schema;
        using (var directory = FSDirectory.Open(indexPath))
        using (var analyzer = TextAnalysis.CreateIndexAnalyzer())
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.Version, analyzer) { OpenMode = OpenMode.APPEND }))
        {
            writer.SetCommitData(data);
            writer.Commit();
        }

        // The premise of the tests: the commit on disk now says another schema.
        Assert.Equal(schema, ReadCommitData(indexPath)[IndexFields.CommitSchema]);
    }
}
