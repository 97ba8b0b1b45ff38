using IncidentBot.Core.Indexing;
using IncidentBot.Core.Tests.TestSupport;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace IncidentBot.Core.Tests.Indexing;

/// <summary>
/// The golden-question gate: a rebuild that answers the golden questions worse than the index answering is
/// kept back (the old index keeps answering, on disk too), unless forced; a rebuild as good or better is published.
/// </summary>
public sealed class IncidentIndexGoldenGateTests : IDisposable
{
    private const string WhoSold = "Who sold the Pegasus spyware?";
    private const string Unanswerable = "Who won the cricket match?";

    private readonly IndexHarness _harness = new();

    public IncidentIndexGoldenGateTests()
    {
        GoldenPath = Path.Combine(_harness.Root, "golden.jsonl");
        WriteGolden(
            $$"""{"question": "{{FixtureDocs.QuestionA}}", "expect": ["1,400"]}""",
            $$"""{"question": "{{WhoSold}}", "expect": ["NSO Group"]}""",
            $$"""{"question": "{{Unanswerable}}", "expect": [], "unanswerable": true}""");
    }

    private string GoldenPath { get; }

    /// <summary>Corpus A with the breach report cut after its first paragraph: the kind of mistake the gate exists for.</summary>
    private static Dictionary<string, string> TruncatedA => new(FixtureDocs.A)
    {
        ["breach.txt"] = FixtureDocs.Breach[..FixtureDocs.Breach.IndexOf("\n\n", StringComparison.Ordinal)],
    };

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ReindexAsync_DocumentsBrokenByMistake_KeepsTheCurrentIndexAndSaysWhy()
    {
        var index = await CreateGatedReadyIndexAsync();
        var engine = _harness.CreateEngine(index);
        var before = index.Snapshot;
        _harness.ReplaceSeeds(TruncatedA);

        var result = await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.Equal(ReindexStatus.Failed, result.Status);
        Assert.Equal(ReindexFailure.GoldenQuestions, result.Failure);
        var check = Assert.IsType<IncidentBot.Core.Evaluation.GoldenCheck>(result.Golden);
        Assert.Equal((3, 3), (check.Questions, check.PassedBefore!.Value));
        Assert.Equal(1, check.Passed);
        Assert.Equal([FixtureDocs.QuestionA, WhoSold], check.NewlyFailed);
        Assert.Contains("passes 1 of 3 golden questions, the current one 3", result.Error, StringComparison.Ordinal);
        Assert.Contains(FixtureDocs.QuestionA, result.Error, StringComparison.Ordinal);
        Assert.Contains("force", result.Error, StringComparison.Ordinal);
        Assert.Equal((0, 1, 0), (index.BuildsFailed, index.BuildsRejected, index.BuildsSucceeded - 1));

        Assert.Equal(before, index.Snapshot);
        engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
        Assert.False(System.IO.Directory.Exists(Path.Combine(_harness.IndexPath, IncidentIndex.StagingFolder)));

        // On disk too: a restart (without the gate) finds the previous commit, not the rejected one.
        index.Dispose();
        var restarted = _harness.CreateIndex(seedsPath: Path.Combine(_harness.Root, "elsewhere"));
        Assert.True(await restarted.TryOpenAsync(CancellationToken.None));
        Assert.Equal(before, restarted.Snapshot);
    }

    [Fact]
    public async Task ReindexAsync_Forced_PublishesTheRegressedIndexAndReportsTheCheck()
    {
        var index = await CreateGatedReadyIndexAsync();
        var engine = _harness.CreateEngine(index);
        _harness.ReplaceSeeds(TruncatedA);

        var result = await index.ReindexAsync(force: true, CancellationToken.None);

        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        Assert.True(result.Golden!.Regressed);
        Assert.Equal("Golden questions: 1 of 3 pass (before: 3).", result.Golden.Summary);
        Assert.Equal(result.Index, index.Snapshot);
        Assert.False(engine.AskOk(FixtureDocs.QuestionA).Answered);
    }

    [Fact]
    public async Task ReindexAsync_DocumentAdded_PassesTheGateAndIsPublished()
    {
        var index = await CreateGatedReadyIndexAsync();
        var engine = _harness.CreateEngine(index);
        _harness.WriteSeed("krakatoa.txt", FixtureDocs.Krakatoa);

        var result = await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        Assert.Equal((3, 3), (result.Golden!.Passed, result.Golden.PassedBefore!.Value));
        Assert.Empty(result.Golden.NewlyFailed);
        Assert.Equal(FixtureDocs.ADocuments + 1, index.Snapshot!.Documents);
        engine.Answers(FixtureDocs.QuestionB, FixtureDocs.AnswerB);
        engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
        Assert.False(System.IO.Directory.Exists(Path.Combine(_harness.IndexPath, IncidentIndex.StagingFolder)));
    }

    [Fact]
    public async Task ReindexAsync_SameRejectedDocumentsAgain_RepeatsTheVerdictWithoutRebuilding_UntilTheGoldenFileChanges()
    {
        var index = await CreateGatedReadyIndexAsync();
        _harness.ReplaceSeeds(TruncatedA);
        var first = await index.ReindexAsync(force: false, CancellationToken.None);
        Assert.Equal(ReindexFailure.GoldenQuestions, first.Failure);

        // A watcher's periodic check: nothing changed, so the same verdict, no second build.
        var again = await index.ReindexAsync(force: false, CancellationToken.None);
        Assert.True(again.IsRepeat);
        Assert.Equal(first.Error, again.Error);
        Assert.Equal(1, index.BuildsRejected);

        // The owners decide the lost answers are expected: with the golden file updated, the rebuild is judged anew.
        WriteGolden($$"""{"question": "{{Unanswerable}}", "expect": [], "unanswerable": true}""");
        var judged = await index.ReindexAsync(force: false, CancellationToken.None);
        Assert.True(judged.Status == ReindexStatus.Built, judged.Error);
        Assert.False(judged.IsRepeat);
        Assert.Equal((1, 1), (judged.Golden!.Passed, judged.Golden.PassedBefore!.Value));
    }

    [Fact]
    public async Task ReindexAsync_SynonymsEditedAfterARejection_JudgesAgain()
    {
        var index = await CreateGatedReadyIndexAsync();
        _harness.ReplaceSeeds(TruncatedA);
        Assert.Equal(ReindexFailure.GoldenQuestions, (await index.ReindexAsync(force: false, CancellationToken.None)).Failure);

        // The gate answers with the synonyms too; they are not part of the documents' hash, yet may change the verdict.
        _harness.WriteSeed("synonyms.txt", "spyware, malware\n");
        var again = await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.False(again.IsRepeat);
        Assert.Equal(2, index.BuildsRejected);
    }

    [Fact]
    public async Task ReindexAsync_StagingFolderHoldsAForeignFile_OnlyLuceneFilesAreRemoved()
    {
        var index = await CreateGatedReadyIndexAsync();
        var staging = Path.Combine(_harness.IndexPath, IncidentIndex.StagingFolder);
        System.IO.Directory.CreateDirectory(staging);
        var foreign = Path.Combine(staging, "notes.txt");
        File.WriteAllText(foreign, "someone else's file");
        _harness.WriteSeed("krakatoa.txt", FixtureDocs.Krakatoa);

        var result = await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        Assert.True(File.Exists(foreign));
        Assert.Equal(["notes.txt"], System.IO.Directory.EnumerateFileSystemEntries(staging).Select(Path.GetFileName));
    }

    [Fact]
    public async Task EnsureReadyAsync_FirstBuild_IsPublishedWithTheCandidateScoreOnly()
    {
        var index = await CreateGatedReadyIndexAsync();

        var check = index.LastBuild!.Golden!;
        Assert.Equal((3, 3), (check.Passed, check.Questions));
        Assert.Null(check.PassedBefore);
        Assert.False(check.Regressed);
        Assert.Equal("Golden questions: 3 of 3 pass.", check.Summary);
    }

    [Fact]
    public async Task ReindexAsync_MalformedGoldenFile_KeepsTheCurrentIndexUnlessForced()
    {
        var index = await CreateGatedReadyIndexAsync();
        var before = index.Snapshot;
        _harness.WriteSeed("krakatoa.txt", FixtureDocs.Krakatoa);
        WriteGolden($$"""{"question": "{{WhoSold}}", "expect": ["NSO Group"]}""", "{not json");

        var refused = await index.ReindexAsync(force: false, CancellationToken.None);
        Assert.Equal(ReindexFailure.GoldenQuestionsUnreadable, refused.Failure);
        Assert.Equal((0, 1), (index.BuildsRejected, index.BuildsFailed));
        Assert.Contains("golden.jsonl:2", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, index.Snapshot);

        var forced = await index.ReindexAsync(force: true, CancellationToken.None);
        Assert.True(forced.Status == ReindexStatus.Built, forced.Error);
        Assert.Null(forced.Golden);
        Assert.Contains(forced.Warnings, w => w.Contains("golden.jsonl:2", StringComparison.Ordinal) && w.Contains("without the golden-question check", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureReadyAsync_MalformedGoldenFileAndNoIndexYet_BuildsWithAWarning()
    {
        WriteGolden("[1, 2]");
        _harness.ReplaceSeeds(FixtureDocs.A);
        var index = _harness.CreateIndex(goldenQuestions: GoldenPath);

        var result = await index.EnsureReadyAsync(CancellationToken.None);

        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        Assert.Single(result.Warnings, w => w.Contains("golden questions cannot be used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReindexAsync_GoldenFileMissing_BuildsWithoutTheGate()
    {
        File.Delete(GoldenPath);
        var index = await CreateGatedReadyIndexAsync();
        _harness.ReplaceSeeds(TruncatedA);

        var result = await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        Assert.Null(result.Golden);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task ReindexAsync_GatedBuildCrashesMidway_OldIndexAnswersAndTheNextBuildSucceeds()
    {
        var index = await CreateGatedReadyIndexAsync();
        var engine = _harness.CreateEngine(index);
        var before = index.Snapshot;
        _harness.WriteSeed("krakatoa.txt", FixtureDocs.Krakatoa);
        index.AfterSentenceIndexed = n => throw new IOException("disk full");

        var failed = await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.Equal(ReindexFailure.BuildFailed, failed.Failure);
        Assert.Equal(before, index.Snapshot);
        engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA);
        index.AfterSentenceIndexed = null;
        var rebuilt = await index.ReindexAsync(force: false, CancellationToken.None);
        Assert.True(rebuilt.Status == ReindexStatus.Built, rebuilt.Error);
        engine.Answers(FixtureDocs.QuestionB, FixtureDocs.AnswerB);
    }

    [Fact]
    public async Task ReindexAsync_AnotherProcessHoldsTheIndexLock_FailsAsLockedBeforeTouchingTheStagingFolder()
    {
        var index = await CreateGatedReadyIndexAsync();
        _harness.WriteSeed("krakatoa.txt", FixtureDocs.Krakatoa);
        var staging = Path.Combine(_harness.IndexPath, IncidentIndex.StagingFolder);
        System.IO.Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "theirs"), "another build's file");

        using (var directory = FSDirectory.Open(_harness.IndexPath))
        using (var writeLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME))
        {
            Assert.True(writeLock.Obtain());
            var result = await index.ReindexAsync(force: false, CancellationToken.None);
            Assert.Equal(ReindexFailure.Locked, result.Failure);
            Assert.True(File.Exists(Path.Combine(staging, "theirs")));
        }
    }

    private async Task<IncidentIndex> CreateGatedReadyIndexAsync()
    {
        _harness.ReplaceSeeds(FixtureDocs.A);
        var index = _harness.CreateIndex(goldenQuestions: GoldenPath);
        var result = await index.EnsureReadyAsync(CancellationToken.None);
        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        return index;
    }

    private void WriteGolden(params string[] lines) => File.WriteAllLines(GoldenPath, lines);
}
