using System.Globalization;
using IncidentBot.Core.Answers;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace IncidentBot.Core.Indexing;

/// <summary>
/// The stored fields and analysed tokens of every sentence of one index snapshot, loaded once when its
/// searcher opens.
/// </summary>
/// <remarks>
/// Reading stored fields decompresses a block per document, and re-analysing text for highlights costs
/// as much again; incident corpora are small (SQuAD's 48 articles are ~10k sentences, a few MB), so one
/// table per snapshot makes answering free of I/O and analysis. Entries are indexed by Lucene document
/// id, which is stable for the lifetime of the reader the table was built from.
/// </remarks>
internal sealed class SentenceTable
{
    private readonly SentenceEntry?[] _entries;

    private SentenceTable(SentenceEntry?[] entries, double averageLength)
    {
        _entries = entries;
        AverageLength = averageLength;
    }

    public static SentenceTable Empty { get; } = new([], 1);

    /// <summary>Mean number of analysed tokens per sentence (BM25's length normalisation in the re-rank).</summary>
    public double AverageLength { get; }

    public SentenceEntry? this[int docId] => (uint)docId < (uint)_entries.Length ? _entries[docId] : null;

    public static SentenceTable Load(IndexReader reader, Analyzer analyzer)
    {
        var entries = new SentenceEntry?[reader.MaxDoc];
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var byParagraph = new Dictionary<(string Source, int Paragraph), List<int>>();
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
            var paragraph = doc.GetField(IndexFields.ParagraphNumber)?.GetInt32Value() ?? 0;
            var tokens = TermMatcher.Tokens(analyzer, text);
            entries[id] = new SentenceEntry(
                source,
                doc.Get(IndexFields.Title, CultureInfo.InvariantCulture),
                doc.Get(IndexFields.Date, CultureInfo.InvariantCulture),
                doc.Get(IndexFields.Url, CultureInfo.InvariantCulture),
                paragraph,
                doc.GetField(IndexFields.SentenceNumber)?.GetInt32Value() ?? 0,
                text,
                tokens,
                tokens.Select(t => TokenClassifier.Classify(text, t.Span)).ToArray(),
                tokens.Select(t => t.Term).ToHashSet(StringComparer.Ordinal),
                TokenClassifier.OpensWithPronoun(text),
                ParagraphEntry.Pending);
            if (!byParagraph.TryGetValue((source, paragraph), out var members))
            {
                byParagraph[(source, paragraph)] = members = [];
            }

            members.Add(id);
        }

        var sources = byParagraph
            .GroupBy(p => p.Key.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SourceTermStats.Count(g.SelectMany(p => p.Value).Select(id => entries[id]!.Terms)), StringComparer.Ordinal);

        // A paragraph is its sentences joined by spaces (ParagraphReader guarantees it), and its terms are
        // theirs, so it is neither stored nor analysed again.
        foreach (var ((source, _), members) in byParagraph)
        {
            var sentences = members.Select(id => entries[id]!).OrderBy(e => e.Sentence).ToList();
            var paragraph = new ParagraphEntry(
                string.Join(' ', sentences.Select(e => e.Text)),
                sentences.SelectMany(e => e.Terms).ToHashSet(StringComparer.Ordinal),
                sentences.Select(e => e.Terms).ToArray(),
                sentences.SelectMany(e => e.Tokens.Select(t => t.Term)).ToArray(),
                sources[source]);
            foreach (var id in members)
            {
                entries[id] = entries[id]! with { ParagraphEntry = paragraph };
            }
        }

        var live = entries.Where(e => e is not null).ToList();
        return new SentenceTable(entries, live.Count == 0 ? 1 : Math.Max(1, live.Average(e => e!.Tokens.Count)));
    }
}

