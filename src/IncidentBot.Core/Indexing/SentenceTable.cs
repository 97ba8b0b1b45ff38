using System.Globalization;
using IncidentBot.Core.Answers;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace IncidentBot.Core.Indexing;

/// <summary>
/// The stored fields of every sentence of one index snapshot, loaded once when its searcher opens.
/// </summary>
/// <remarks>
/// Reading stored fields decompresses a block per document, which made up most of a query's time;
/// incident corpora are small (SQuAD's 48 articles are ~10k sentences, a few MB), so one table per
/// snapshot makes re-ranking free of I/O. Entries are indexed by Lucene document id, which is stable
/// for the lifetime of the reader the table was built from.
/// </remarks>
internal sealed class SentenceTable
{
    private readonly SentenceEntry?[] _entries;

    private SentenceTable(SentenceEntry?[] entries) => _entries = entries;

    public SentenceEntry? this[int docId] => (uint)docId < (uint)_entries.Length ? _entries[docId] : null;

    public static SentenceTable Load(IndexReader reader, Analyzer analyzer)
    {
        var entries = new SentenceEntry?[reader.MaxDoc];
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var paragraphs = new Dictionary<(string, int), ParagraphEntry>();
        for (var id = 0; id < reader.MaxDoc; id++)
        {
            if (liveDocs is not null && !liveDocs.Get(id))
            {
                continue;
            }

            var doc = reader.Document(id);
            var text = doc.Get(IndexFields.Text, CultureInfo.InvariantCulture);
            if (text is null)
            {
                continue; // a document entry, not a sentence
            }

            var source = doc.Get(IndexFields.Source, CultureInfo.InvariantCulture);
            var paragraphNumber = doc.GetField(IndexFields.ParagraphNumber).GetInt32Value() ?? 0;
            if (!paragraphs.TryGetValue((source, paragraphNumber), out var paragraph))
            {
                var paragraphText = doc.Get(IndexFields.Paragraph, CultureInfo.InvariantCulture);
                paragraph = new ParagraphEntry(paragraphText, TermMatcher.TermSet(analyzer, paragraphText));
                paragraphs.Add((source, paragraphNumber), paragraph);
            }

            entries[id] = new SentenceEntry(
                source,
                doc.Get(IndexFields.Title, CultureInfo.InvariantCulture),
                doc.Get(IndexFields.Date, CultureInfo.InvariantCulture),
                doc.Get(IndexFields.Url, CultureInfo.InvariantCulture),
                paragraphNumber,
                doc.GetField(IndexFields.SentenceNumber).GetInt32Value() ?? 0,
                text,
                TermMatcher.TermSet(analyzer, text),
                paragraph);
        }

        return new SentenceTable(entries);
    }
}

/// <summary>A paragraph's text and the set of its analysed terms (shared by its sentences).</summary>
internal sealed record ParagraphEntry(string Text, IReadOnlySet<string> Terms);

/// <summary>One sentence's stored fields and analysed terms.</summary>
internal sealed record SentenceEntry(
    string Source,
    string Title,
    string? Date,
    string? Url,
    int Paragraph,
    int Sentence,
    string Text,
    IReadOnlySet<string> Terms,
    ParagraphEntry ParagraphEntry);
