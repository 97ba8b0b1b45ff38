using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IncidentBot.Core.Indexing;

/// <summary>
/// What an index was built from, kept in its commit point's user data: the commit and its description
/// become visible together, so a reader never sees one without the other.
/// </summary>
internal static class IndexCommitData
{
    /// <summary>Reads what the snapshot was built from; null when it was built by another schema version.</summary>
    public static IndexSnapshotInfo? ReadSnapshot(SearcherManager manager)
    {
        var searcher = manager.Acquire();
        try
        {
            var data = ((DirectoryReader)searcher.IndexReader).IndexCommit.UserData;
            if (!data.TryGetValue(IndexFields.CommitSchema, out var schema) || schema != IndexFields.SchemaVersion)
            {
                return null;
            }

            return new IndexSnapshotInfo(
                data[IndexFields.CommitContentHash],
                DateTimeOffset.Parse(data[IndexFields.CommitBuiltAt], CultureInfo.InvariantCulture),
                int.Parse(data[IndexFields.CommitDocuments], CultureInfo.InvariantCulture),
                int.Parse(data[IndexFields.CommitParagraphs], CultureInfo.InvariantCulture),
                int.Parse(data[IndexFields.CommitSentences], CultureInfo.InvariantCulture));
        }
        finally
        {
            manager.Release(searcher);
        }
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
}
