using IncidentBot.Core.Evaluation;

namespace IncidentBot.Core.Indexing;

/// <summary>What a reindex request did.</summary>
public enum ReindexStatus
{
    /// <summary>A new index was built and is now answering.</summary>
    Built,

    /// <summary>The seeds had not changed since the current index was built; nothing was done.</summary>
    Unchanged,

    /// <summary>The build failed; the previous index (if any) keeps answering.</summary>
    Failed,
}

/// <summary>Why a reindex failed, so each front end can say it its own way (exit code, HTTP status).</summary>
public enum ReindexFailure
{
    /// <summary>Not a failure.</summary>
    None,

    /// <summary>The seeds folder is missing, unreadable or holds no usable document: fix the documents.</summary>
    SeedsUnavailable,

    /// <summary>Another process is building the same index: try again later.</summary>
    Locked,

    /// <summary>The index folder cannot be created or written (a file in the way, permissions).</summary>
    IndexUnavailable,

    /// <summary>The rebuilt index passes fewer golden questions than the one answering: fix the documents, or force the reindex.</summary>
    GoldenQuestions,

    /// <summary>The golden questions file cannot be read or parsed, so no rebuild can be judged: fix it, or force the reindex.</summary>
    GoldenQuestionsUnreadable,

    /// <summary>The build broke for another reason (a bug or an I/O fault); details are logged.</summary>
    BuildFailed,
}

/// <summary>Outcome of <see cref="IncidentIndex.ReindexAsync"/>: an expected result, never an exception.</summary>
public sealed record ReindexResult(
    ReindexStatus Status,
    IndexSnapshotInfo? Index,
    TimeSpan Elapsed,
    IReadOnlyList<string> Warnings,
    string? Error)
{
    public bool Succeeded => Status != ReindexStatus.Failed;

    public ReindexFailure Failure { get; init; }

    /// <summary>How the rebuilt index did on the golden questions; null when there are none (or no index was built).</summary>
    public GoldenCheck? Golden { get; init; }

    /// <summary>
    /// True when this is an earlier rejection handed out again: neither the documents, the golden questions nor
    /// the answering index changed since, so nothing was rebuilt (a watcher's periodic check must not rebuild
    /// the same rejected documents over and over).
    /// </summary>
    public bool IsRepeat { get; init; }

    public static ReindexResult Failed(ReindexFailure failure, string error, TimeSpan elapsed, IReadOnlyList<string>? warnings = null) =>
        new(ReindexStatus.Failed, null, elapsed, warnings ?? [], error) { Failure = failure };
}
