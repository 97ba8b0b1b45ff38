using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IncidentBot.Core.Indexing;

/// <summary>
/// An <see cref="IndexSearcher"/> for one index snapshot: BM25 scoring, what the snapshot was built
/// from, and its <see cref="SentenceTable"/>. Everything is read from the same reader, so a query never
/// sees the description of one snapshot with the sentences of another.
/// </summary>
internal sealed class IncidentSearcher : IndexSearcher
{
    public IncidentSearcher(IndexReader reader, Lucene.Net.Analysis.Analyzer analyzer)
        : base(reader)
    {
        Similarity = TextAnalysis.CreateSimilarity();
        Snapshot = reader is DirectoryReader directoryReader ? IndexCommitData.ReadSnapshot(directoryReader.IndexCommit.UserData) : null;

        // A snapshot of another schema (committed by another version of the bot) cannot be read
        // field by field; it stays closed (not ready) until it is rebuilt.
        Sentences = Snapshot is null ? SentenceTable.Empty : SentenceTable.Load(reader, analyzer);
        Vocabulary = Snapshot is null ? TermVocabulary.Empty : TermVocabulary.Load(reader, IndexFields.Text);
    }

    /// <summary>What this snapshot was built from; null when it was written with another schema.</summary>
    public IndexSnapshotInfo? Snapshot { get; }

    public SentenceTable Sentences { get; }

    /// <summary>The sentence field's terms, for typo tolerance.</summary>
    public TermVocabulary Vocabulary { get; }

    /// <summary>Creates the searcher (and warms its table) when the manager opens or refreshes a snapshot, off the query path.</summary>
    internal sealed class Factory(Lucene.Net.Analysis.Analyzer analyzer) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new IncidentSearcher(reader, analyzer);
    }
}
