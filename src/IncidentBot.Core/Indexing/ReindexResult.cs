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

/// <summary>Outcome of <see cref="IncidentIndex.ReindexAsync"/>: an expected result, never an exception.</summary>
public sealed record ReindexResult(
    ReindexStatus Status,
    IndexSnapshotInfo? Index,
    TimeSpan Elapsed,
    IReadOnlyList<string> Warnings,
    string? Error)
{
    public bool Succeeded => Status != ReindexStatus.Failed;

    public static ReindexResult Failed(string error, TimeSpan elapsed, IReadOnlyList<string>? warnings = null) =>
        new(ReindexStatus.Failed, null, elapsed, warnings ?? [], error);
}
