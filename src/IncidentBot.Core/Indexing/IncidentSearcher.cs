using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IncidentBot.Core.Indexing;

/// <summary>An <see cref="IndexSearcher"/> for one snapshot, with BM25 scoring and its <see cref="SentenceTable"/>.</summary>
internal sealed class IncidentSearcher : IndexSearcher
{
    public IncidentSearcher(IndexReader reader, Analyzer analyzer)
        : base(reader)
    {
        Similarity = TextAnalysis.CreateSimilarity();
        Sentences = SentenceTable.Load(reader, analyzer);
    }

    public SentenceTable Sentences { get; }

    /// <summary>Creates the searcher (and warms its table) when the manager opens or refreshes a snapshot, off the query path.</summary>
    internal sealed class Factory(Analyzer analyzer) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new IncidentSearcher(reader, analyzer);
    }
}
