using System.Diagnostics;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Evaluation;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace IncidentBot.Core.Indexing;

/// <summary>Building: load the seeds, write a new commit, publish it (called under the build lock).</summary>
public sealed partial class IncidentIndex
{
    private ReindexResult BuildLocked(bool force, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        string hash;
        try
        {
            hash = SeedLoader.ComputeContentHash(SeedsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var error = e is DirectoryNotFoundException ? $"Seeds folder not found: {SeedsPath}" : $"Cannot read the seeds folder {SeedsPath}: {e.Message}";
            return ReindexResult.Failed(ReindexFailure.SeedsUnavailable, error, stopwatch.Elapsed);
        }

        if (!force && Snapshot is { } current && current.ContentHash == hash)
        {
            return new ReindexResult(ReindexStatus.Unchanged, current, stopwatch.Elapsed, [], null);
        }

        var (golden, goldenError) = _gate?.Load() ?? (null, null);
        if (goldenError is not null && IsReady && !force)
        {
            // A gate that cannot judge must not wave a rebuild through; without an index to protect, it steps aside.
            return ReindexResult.Failed(
                ReindexFailure.GoldenQuestionsUnreadable,
                goldenError + " The current index keeps answering; fix the file, or reindex with force.",
                stopwatch.Elapsed);
        }

        if (!force && golden is not null && _rejection is { } earlier && earlier.Key == GateKey(hash, golden))
        {
            return earlier.Result with { Elapsed = stopwatch.Elapsed, IsRepeat = true };
        }

        var load = _seedLoader.Load(SeedsPath, ct);
        if (!load.IsSuccess)
        {
            return ReindexResult.Failed(ReindexFailure.SeedsUnavailable, load.Error!, stopwatch.Elapsed);
        }

        var corpus = load.Corpus;
        LuceneDirectory directory;
        try
        {
            directory = GetDirectory();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReindexResult.Failed(ReindexFailure.IndexUnavailable, $"Cannot use the index folder {IndexPath}: {e.Message}", stopwatch.Elapsed, corpus.Warnings);
        }

        try
        {
            IReadOnlyList<string> warnings = goldenError is null ? corpus.Warnings : [.. corpus.Warnings, goldenError + " Published without the golden-question check."];
            var loaded = stopwatch.Elapsed;
            GoldenCheck? check = null;
            IndexSnapshotInfo? snapshot;
            if (golden is null)
            {
                snapshot = WriteAndCommit(directory, corpus, ct);
            }
            else
            {
                (snapshot, check) = WriteGatedAndCommit(directory, corpus, golden, force, ct);
                if (snapshot is null)
                {
                    LogRejected(check.Passed, check.Questions, check.PassedBefore);
                    var rejected = ReindexResult.Failed(ReindexFailure.GoldenQuestions, check.RejectionReason, stopwatch.Elapsed, warnings) with { Golden = check };
                    // Keyed by what was built (the seeds may have changed since the hash above was taken).
                    _rejection = (GateKey(corpus.ContentHash, golden), rejected);
                    return rejected;
                }
            }

            var written = stopwatch.Elapsed;
            PublishLocked(directory);
            LogBuilt(
                snapshot.Documents, snapshot.Paragraphs, snapshot.Sentences, stopwatch.Elapsed.TotalMilliseconds,
                loaded.TotalMilliseconds, (written - loaded).TotalMilliseconds, (stopwatch.Elapsed - written).TotalMilliseconds);
            _rejection = null;
            return new ReindexResult(ReindexStatus.Built, Snapshot, stopwatch.Elapsed, warnings, null) { Golden = check };
        }
        catch (LockObtainFailedException)
        {
            return ReindexResult.Failed(
                ReindexFailure.Locked,
                $"The index at {IndexPath} is locked by another build (another incidentbot process?); try again when it finishes.",
                stopwatch.Elapsed,
                corpus.Warnings);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A task boundary: whatever broke the build, the previous index stays in place and keeps answering.
            LogBuildFailed(e);
            return ReindexResult.Failed(ReindexFailure.BuildFailed, $"Index build failed: {e.Message}", stopwatch.Elapsed, corpus.Warnings);
        }
    }

    private IndexSnapshotInfo WriteAndCommit(LuceneDirectory directory, SeedCorpus corpus, CancellationToken ct)
    {
        var writer = new IndexWriter(directory, NewWriterConfig());
        try
        {
            var (paragraphs, sentences) = IndexDocumentWriter.AddCorpus(writer, corpus, AfterSentenceIndexed, ct);
            var snapshot = new IndexSnapshotInfo(corpus.ContentHash, _time.GetUtcNow(), corpus.Documents.Count, paragraphs, sentences);
            writer.SetCommitData(IndexCommitData.From(snapshot));

            // The last chance to cancel: after the commit the new index is the one on disk.
            ct.ThrowIfCancellationRequested();
            writer.Commit();
            writer.Dispose();
            return snapshot;
        }
        catch
        {
            // LUCENE TRAP: Dispose() commits. Rollback() discards everything since the last commit and closes.
            writer.Rollback();
            throw;
        }
    }

    private IndexWriterConfig NewWriterConfig() => new(TextAnalysis.Version, _analyzer)
    {
        OpenMode = OpenMode.CREATE,
        Similarity = TextAnalysis.CreateSimilarity(),
    };

    /// <summary>Makes the latest commit visible to new queries (creating the searcher on the first build).</summary>
    private void PublishLocked(LuceneDirectory directory)
    {
        lock (_openLock)
        {
            if (_manager is null)
            {
                _manager = new SearcherManager(directory, new IncidentSearcher.Factory(_analyzer));
            }
            else
            {
                _manager.MaybeRefreshBlocking();
            }
        }
    }
}
