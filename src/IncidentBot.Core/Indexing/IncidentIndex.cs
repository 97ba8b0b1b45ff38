using System.Diagnostics;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Evaluation;
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
    /// <summary>How long disposal waits for a running build before closing the index under it.</summary>
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _buildLock = new(1, 1);
    private readonly System.Threading.Lock _openLock = new();
    private readonly Analyzer _analyzer = TextAnalysis.CreateIndexAnalyzer();
    private readonly SeedLoader _seedLoader;
    private readonly ILogger<IncidentIndex> _logger;
    private readonly TimeProvider _time;
    private readonly GoldenQuestionGate? _gate;
    private LuceneDirectory? _directory;
    private volatile SearcherManager? _manager;
    private volatile bool _disposed;
    private volatile ReindexResult? _lastBuild;
    private int _buildsSucceeded;
    private int _buildsFailed;
    private int _buildsRejected;

    public IncidentIndex(
        IOptions<IndexOptions> indexOptions,
        IOptions<SeedsOptions> seedsOptions,
        SeedLoader seedLoader,
        ILogger<IncidentIndex> logger,
        TimeProvider? time = null,
        GoldenQuestionGate? gate = null)
    {
        IndexPath = Path.GetFullPath(indexOptions.Value.Path);
        SeedsPath = Path.GetFullPath(seedsOptions.Value.Path);
        _seedLoader = seedLoader;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _gate = gate;
    }

    public string IndexPath { get; }

    public string SeedsPath { get; }

    /// <summary>
    /// What the snapshot answering questions now was built from; null until an index is open. Read from
    /// the current searcher itself, so it can never disagree with the snapshot that answers.
    /// </summary>
    public IndexSnapshotInfo? Snapshot => _manager is null || _disposed ? null : Search(searcher => searcher.Snapshot);

    /// <summary>True once an index is open and answering.</summary>
    public bool IsReady => Snapshot is not null;

    /// <summary>The last build by this process that built or failed (an unchanged-seeds check is not a build).</summary>
    public ReindexResult? LastBuild => _lastBuild;

    /// <summary>Builds by this process that published a new index.</summary>
    public int BuildsSucceeded => Volatile.Read(ref _buildsSucceeded);

    /// <summary>Builds by this process that failed (the previous index, if any, kept answering).</summary>
    public int BuildsFailed => Volatile.Read(ref _buildsFailed);

    /// <summary>Builds by this process kept back by the golden-question gate (the previous index kept answering).</summary>
    public int BuildsRejected => Volatile.Read(ref _buildsRejected);

    /// <summary>Test seam: runs after each sentence is added during a build (to simulate a crash midway).</summary>
    internal Action<int>? AfterSentenceIndexed { get; set; }

    /// <summary>
    /// Opens the index, building it first when it is missing, unreadable, of an older schema, or older
    /// than the seeds. When the seeds cannot be indexed but an old index opens, the old one answers.
    /// </summary>
    public Task<ReindexResult> EnsureReadyAsync(CancellationToken ct) => BuildAsync(force: false, ct);

    /// <summary>Rebuilds from the seeds; skipped when they are unchanged unless <paramref name="force"/>.</summary>
    /// <remarks>Requests are serialised: a second request waits for the running build, then usually finds nothing changed.</remarks>
    public Task<ReindexResult> ReindexAsync(bool force, CancellationToken ct) => BuildAsync(force, ct);

    /// <summary>
    /// Opens an index already on disk, if there is a readable one, without building: a service that could
    /// not build at start-up calls this to pick up an index another process (<c>incidentbot reindex</c>) built.
    /// </summary>
    public async Task<bool> TryOpenAsync(CancellationToken ct)
    {
        await _buildLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!IsReady)
            {
                TryOpenExisting();
            }

            return IsReady;
        }
        finally
        {
            _buildLock.Release();
        }
    }

    /// <summary>Runs <paramref name="search"/> on the current snapshot (thread-safe, lock-free for readers).</summary>
    /// <exception cref="InvalidOperationException">No index is open yet (a bug: callers check <see cref="IsReady"/>).</exception>
    internal T Search<T>(Func<IncidentSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var manager = _manager ?? throw new InvalidOperationException("The index is not open yet.");
        var searcher = manager.Acquire();
        try
        {
            return search((IncidentSearcher)searcher);
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
    /// <returns>True when a different snapshot now answers.</returns>
    public bool RefreshIfChanged()
    {
        var manager = _manager;
        if (manager is null || _disposed)
        {
            return false;
        }

        var before = Snapshot;
        manager.MaybeRefresh();
        return Snapshot != before;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        // Let a running build finish so it never writes into a closed directory. The semaphore itself is
        // not disposed: a request arriving during shutdown must not fail with ObjectDisposedException.
        var idle = _buildLock.Wait(DisposeWait);
        _disposed = true;
        _manager?.Dispose();
        _directory?.Dispose();
        _analyzer.Dispose();
        if (idle)
        {
            _buildLock.Release();
        }
    }

    private async Task<ReindexResult> BuildAsync(bool force, CancellationToken ct)
    {
        await _buildLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!IsReady)
            {
                TryOpenExisting();
            }

            var result = BuildLocked(force, ct);
            if (result.Status != ReindexStatus.Unchanged && !result.IsRepeat)
            {
                _lastBuild = result;
                Interlocked.Increment(
                    ref result.Succeeded ? ref _buildsSucceeded
                    : ref result.Failure == ReindexFailure.GoldenQuestions ? ref _buildsRejected : ref _buildsFailed);
            }

            if (!result.Succeeded && !result.IsRepeat && IsReady)
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
}
