using IncidentBot.Core.Documents;
using IncidentBot.Core.Evaluation;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace IncidentBot.Core.Indexing;

/// <summary>
/// Building behind the golden-question gate: the new index is written to a staging folder first, judged
/// against the one answering, and copied into the index folder only when it does at least as well.
/// </summary>
public sealed partial class IncidentIndex
{
    /// <summary>Sub-folder of the index folder the candidate is built in (Lucene lists and touches only its own files).</summary>
    internal const string StagingFolder = ".staging";

    /// <summary>The last rejection and what it was judged on (see <see cref="GateKey"/>).</summary>
    private (string Key, ReindexResult Result)? _rejection;

    /// <summary>
    /// Everything a verdict depends on: the documents, the golden questions and synonyms (the set's fingerprint),
    /// and the index answering. While none changes, judging again would give the same verdict.
    /// </summary>
    private string GateKey(string contentHash, GoldenQuestionSet golden) =>
        string.Join('|', contentHash, golden.Fingerprint, Snapshot?.ContentHash, Snapshot?.BuiltAt.ToUnixTimeMilliseconds());

    /// <returns>The published snapshot, or null when the gate kept the candidate back; and the gate's check.</returns>
    private (IndexSnapshotInfo? Snapshot, GoldenCheck Check) WriteGatedAndCommit(
        LuceneDirectory directory, SeedCorpus corpus, GoldenQuestionSet golden, bool force, CancellationToken ct)
    {
        // The index's own writer is opened first and held throughout: its write.lock keeps another process
        // from building (and so from using the staging folder) meanwhile. In CREATE mode nothing it does is
        // visible before Commit(), so the answering commit stays intact whatever happens below.
        var config = NewWriterConfig();

        // No merge after AddIndexes: the published segments stay those that were judged, in the same order.
        config.MergePolicy = NoMergePolicy.COMPOUND_FILES;
        var writer = new IndexWriter(directory, config);
        var stagingPath = Path.Combine(IndexPath, StagingFolder);
        try
        {
            IndexSnapshotInfo snapshot;
            GoldenCheck check;
            using (var staging = FSDirectory.Open(stagingPath))
            {
                snapshot = WriteAndCommit(staging, corpus, ct);
                using (var reader = DirectoryReader.Open(staging))
                {
                    var candidate = new IncidentSearcher(reader, _analyzer);
                    check = IsReady
                        ? Search(current => _gate!.Judge(golden, current, candidate, ct))
                        : _gate!.Judge(golden, null, candidate, ct);
                }

                if (check.Regressed && !force)
                {
                    writer.Rollback();
                    return (null, check);
                }

                // Copies the staged segments as they are (no re-analysis).
                writer.AddIndexes(staging);
            }

            writer.SetCommitData(IndexCommitData.From(snapshot));
            ct.ThrowIfCancellationRequested();
            writer.Commit();
            writer.Dispose();
            return (snapshot, check);
        }
        catch
        {
            // LUCENE TRAP: Dispose() commits. Rollback() discards everything since the last commit and closes.
            writer.Rollback();
            throw;
        }
        finally
        {
            DeleteStaging(stagingPath);
        }
    }

    /// <summary>
    /// Removes the staged candidate (one left behind by a crash is overwritten by the next build anyway). Only
    /// Lucene's own files are deleted, and the folder only once it is empty, in case it holds anything else.
    /// </summary>
    private void DeleteStaging(string stagingPath)
    {
        try
        {
            var folder = new DirectoryInfo(stagingPath);
            if (!folder.Exists)
            {
                return;
            }

            foreach (var file in folder.EnumerateFiles())
            {
                if (file.Name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal) || file.Name.StartsWith('_')
                    || file.Name == IndexWriter.WRITE_LOCK_NAME)
                {
                    file.Delete();
                }
            }

            if (!folder.EnumerateFileSystemInfos().Any())
            {
                folder.Delete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogStagingNotDeleted(stagingPath, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kept the current index: the rebuilt one passes {Passed} of {Questions} golden questions, the current one {PassedBefore}")]
    private partial void LogRejected(int passed, int questions, int? passedBefore);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the staging folder {Path} ({Reason}); the next build overwrites it")]
    private partial void LogStagingNotDeleted(string path, string reason);
}
