using System.Diagnostics;
using IncidentBot.Core.Documents;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace IncidentBot.Core.Indexing;

/// <summary>
/// Owns the on-disk Lucene index: opens it, rebuilds it atomically from the seeds, and shares one
/// <see cref="SearcherManager"/> with every query.
/// </summary>
/// <remarks>
/// Rebuilds write a fresh index into the same directory with <see cref="OpenMode.CREATE"/>. Until
/// <c>Commit()</c> the previous commit point stays intact on disk and the open searcher keeps reading
/// it, so questions are answered from the old index during a build; after the commit one
/// <c>MaybeRefreshBlocking()</c> swaps every new query to the new snapshot. A failed or interrupted build
/// is rolled back (<c>IndexWriter.Dispose</c> would commit the half-built index) and never becomes visible.
/// </remarks>
public sealed partial class IncidentIndex : IDisposable
{
    private readonly SemaphoreSlim _buildLock = new(1, 1);
    private readonly System.Threading.Lock _openLock = new();
    private readonly Analyzer _analyzer = TextAnalysis.CreateIndexAnalyzer();
    private readonly SeedLoader _seedLoader;
    private readonly ILogger<IncidentIndex> _logger;
    private readonly TimeProvider _time;
    private LuceneDirectory? _directory;
    private SearcherManager? _manager;
    private volatile IndexSnapshotInfo? _snapshot;
    private bool _disposed;

    public IncidentIndex(
        IOptions<IndexOptions> indexOptions,
        IOptions<SeedsOptions> seedsOptions,
        SeedLoader seedLoader,
        ILogger<IncidentIndex> logger,
        TimeProvider? time = null)
    {
        IndexPath = Path.GetFullPath(indexOptions.Value.Path);
        SeedsPath = Path.GetFullPath(seedsOptions.Value.Path);
        _seedLoader = seedLoader;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public string IndexPath { get; }

    public string SeedsPath { get; }

    /// <summary>The snapshot answering questions now; null until an index is open.</summary>
    public IndexSnapshotInfo? Snapshot => _snapshot;

    /// <summary>True once an index is open and answering.</summary>
    public bool IsReady => _snapshot is not null;

    /// <summary>Test seam: runs after each sentence is added during a build (to simulate a crash midway).</summary>
    internal Action<int>? AfterSentenceIndexed { get; set; }

    /// <summary>
    /// Opens the index, building it first when it is missing, unreadable, of an older schema, or older
    /// than the seeds. When the seeds cannot be indexed but an old index opens, the old one answers.
    /// </summary>
    public async Task<ReindexResult> EnsureReadyAsync(CancellationToken ct)
    {
        await _buildLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!IsReady)
            {
                TryOpenExisting();
            }

            var result = BuildLocked(force: false, ct);
            if (!result.Succeeded && IsReady)
            {
                LogKeptPreviousIndex(result.Error);
            }

            return result;
        }
        finally
        {
            _buildLock.Release();
        }
    }

    /// <summary>Rebuilds from the seeds; skipped when they are unchanged unless <paramref name="force"/>.</summary>
    /// <remarks>Requests are serialised: a second request waits for the running build, then usually finds nothing changed.</remarks>
    public async Task<ReindexResult> ReindexAsync(bool force, CancellationToken ct)
    {
        await _buildLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!IsReady)
            {
                TryOpenExisting();
            }

            return BuildLocked(force, ct);
        }
        finally
        {
            _buildLock.Release();
        }
    }

    /// <summary>Runs <paramref name="search"/> on the current snapshot (thread-safe, lock-free for readers).</summary>
    /// <exception cref="InvalidOperationException">No index is open yet (a bug: callers check <see cref="IsReady"/>).</exception>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var manager = _manager ?? throw new InvalidOperationException("The index is not open yet.");
        var searcher = manager.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>
    /// Picks up a commit made by another process (e.g. <c>incidentbot reindex</c> next to a running service).
    /// Cheap when nothing changed; call it from a background loop, never on the query path.
    /// </summary>
    public bool RefreshIfChanged()
    {
        var manager = _manager;
        if (manager is null || !manager.MaybeRefresh())
        {
            return false;
        }

        // An index committed by another version (null snapshot) still answers; keep what we knew of ours.
        if (IndexCommitData.ReadSnapshot(manager) is not { } snapshot)
        {
            return false;
        }

        var changed = snapshot != _snapshot;
        _snapshot = snapshot;
        return changed;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _manager?.Dispose();
        _directory?.Dispose();
        _analyzer.Dispose();
        _buildLock.Dispose();
    }

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
            return ReindexResult.Failed(e is DirectoryNotFoundException ? $"Seeds folder not found: {SeedsPath}" : e.Message, stopwatch.Elapsed);
        }

        if (!force && _snapshot is { } current && current.ContentHash == hash)
        {
            return new ReindexResult(ReindexStatus.Unchanged, current, stopwatch.Elapsed, [], null);
        }

        var load = _seedLoader.Load(SeedsPath, ct);
        if (!load.IsSuccess)
        {
            return ReindexResult.Failed(load.Error!, stopwatch.Elapsed);
        }

        var corpus = load.Corpus;
        try
        {
            var loaded = stopwatch.Elapsed;
            var snapshot = WriteAndCommit(corpus, ct);
            var written = stopwatch.Elapsed;
            PublishLocked();
            LogBuilt(
                snapshot.Documents, snapshot.Paragraphs, snapshot.Sentences, stopwatch.Elapsed.TotalMilliseconds,
                loaded.TotalMilliseconds, (written - loaded).TotalMilliseconds, (stopwatch.Elapsed - written).TotalMilliseconds);
            return new ReindexResult(ReindexStatus.Built, _snapshot, stopwatch.Elapsed, corpus.Warnings, null);
        }
        catch (LockObtainFailedException)
        {
            return ReindexResult.Failed(
                $"The index at {IndexPath} is locked by another build (another incidentbot process?); try again when it finishes.",
                stopwatch.Elapsed, corpus.Warnings);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A task boundary: whatever broke the build, the previous index stays in place and keeps answering.
            LogBuildFailed(e);
            return ReindexResult.Failed($"Index build failed: {e.Message}", stopwatch.Elapsed, corpus.Warnings);
        }
    }

    private IndexSnapshotInfo WriteAndCommit(SeedCorpus corpus, CancellationToken ct)
    {
        var config = new IndexWriterConfig(TextAnalysis.Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = TextAnalysis.CreateSimilarity(),
        };
        var writer = new IndexWriter(GetDirectory(), config);
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

    /// <summary>Makes the latest commit visible to new queries (creating the searcher on the first build).</summary>
    private void PublishLocked()
    {
        lock (_openLock)
        {
            if (_manager is null)
            {
                _manager = new SearcherManager(GetDirectory(), new IncidentSearcher.Factory(_analyzer));
            }
            else
            {
                _manager.MaybeRefreshBlocking();
            }

            _snapshot = IndexCommitData.ReadSnapshot(_manager);
        }
    }

    /// <summary>Opens an index already on disk; an unreadable or outdated one is left for the build to replace.</summary>
    private void TryOpenExisting()
    {
        try
        {
            var directory = GetDirectory();
            if (!DirectoryReader.IndexExists(directory))
            {
                return;
            }

            var manager = new SearcherManager(directory, new IncidentSearcher.Factory(_analyzer));
            var snapshot = IndexCommitData.ReadSnapshot(manager);
            if (snapshot is null)
            {
                LogOutdatedIndex(IndexPath);
                manager.Dispose();
                return;
            }

            lock (_openLock)
            {
                _manager = manager;
                _snapshot = snapshot;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or IndexFormatTooOldException)
        {
            LogUnreadableIndex(IndexPath, e.Message);
            DiscardUnreadableIndex();
        }
    }

    /// <summary>
    /// Removes the files of an index that cannot be opened: <c>IndexWriter</c> reads the old commit even
    /// in CREATE mode and would fail on it too. Only Lucene's own file names are touched, in case the
    /// index path was pointed at a folder that holds anything else.
    /// </summary>
    private void DiscardUnreadableIndex()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(IndexPath))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("segments", StringComparison.Ordinal) || name.StartsWith('_') || name == "write.lock")
            {
                File.Delete(file);
            }
        }
    }

    private LuceneDirectory GetDirectory()
    {
        if (_directory is null)
        {
            System.IO.Directory.CreateDirectory(IndexPath);
            _directory = FSDirectory.Open(IndexPath);
        }

        return _directory;
    }
}
