using System.Globalization;

namespace IncidentBot.Core.Indexing;

/// <summary>
/// What an index was built from, kept in its commit point's user data: the commit and its description
/// become visible together, so a reader never sees one without the other.
/// </summary>
internal static class IndexCommitData
{
    /// <summary>
    /// Reads what a commit was built from; null when it was written by another schema version (or
    /// carries no such description), which means the index must be rebuilt before it can answer.
    /// </summary>
    public static IndexSnapshotInfo? ReadSnapshot(IDictionary<string, string> data)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (!data.TryGetValue(IndexFields.CommitSchema, out var schema) || schema != IndexFields.SchemaVersion
            || !data.TryGetValue(IndexFields.CommitContentHash, out var hash)
            || !DateTimeOffset.TryParse(Get(data, IndexFields.CommitBuiltAt), invariant, DateTimeStyles.None, out var builtAt)
            || !int.TryParse(Get(data, IndexFields.CommitDocuments), NumberStyles.None, invariant, out var documents)
            || !int.TryParse(Get(data, IndexFields.CommitParagraphs), NumberStyles.None, invariant, out var paragraphs)
            || !int.TryParse(Get(data, IndexFields.CommitSentences), NumberStyles.None, invariant, out var sentences))
        {
            return null;
        }

        return new IndexSnapshotInfo(hash, builtAt, documents, paragraphs, sentences);
    }

    public static Dictionary<string, string> From(IndexSnapshotInfo snapshot) => new()
    {
        [IndexFields.CommitSchema] = IndexFields.SchemaVersion,
        [IndexFields.CommitContentHash] = snapshot.ContentHash,
        [IndexFields.CommitBuiltAt] = snapshot.BuiltAt.ToString("O", CultureInfo.InvariantCulture),
        [IndexFields.CommitDocuments] = snapshot.Documents.ToString(CultureInfo.InvariantCulture),
        [IndexFields.CommitParagraphs] = snapshot.Paragraphs.ToString(CultureInfo.InvariantCulture),
        [IndexFields.CommitSentences] = snapshot.Sentences.ToString(CultureInfo.InvariantCulture),
    };

    private static string? Get(IDictionary<string, string> data, string key) => data.TryGetValue(key, out var value) ? value : null;
}
