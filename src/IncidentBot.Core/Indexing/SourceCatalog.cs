using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IncidentBot.Core.Indexing;

/// <summary>Lists the documents of the index that is answering now.</summary>
public sealed class SourceCatalog(IncidentIndex index)
{
    /// <summary>The indexed documents in source order; empty when no index is open yet.</summary>
    public IReadOnlyList<SourceInfo> List()
    {
        if (!index.IsReady)
        {
            return [];
        }

        return index.Search(searcher =>
        {
            var query = new TermQuery(new Term(IndexFields.Kind, IndexFields.DocumentKind));
            var hits = searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc));
            return hits.ScoreDocs
                .Select(hit => searcher.Doc(hit.Doc))
                .Select(doc => new SourceInfo(
                    doc.Get(IndexFields.Source, CultureInfo.InvariantCulture),
                    doc.Get(IndexFields.Title, CultureInfo.InvariantCulture),
                    doc.Get(IndexFields.Date, CultureInfo.InvariantCulture),
                    doc.Get(IndexFields.Url, CultureInfo.InvariantCulture),
                    doc.GetField(IndexFields.SizeBytes).GetInt64Value() ?? 0,
                    doc.GetField(IndexFields.ParagraphCount).GetInt32Value() ?? 0,
                    doc.GetField(IndexFields.SentenceCount).GetInt32Value() ?? 0))
                .OrderBy(s => s.Source, StringComparer.Ordinal)
                .ToList();
        });
    }
}
