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

    private SentenceTable(SentenceEntry?[] entries) => _entries = entries;

    public static SentenceTable Empty { get; } = new([]);

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
                tokens.Select(t => t.Term).ToHashSet(StringComparer.Ordinal),
                ParagraphEntry.Pending);
            if (!byParagraph.TryGetValue((source, paragraph), out var members))
            {
                byParagraph[(source, paragraph)] = members = [];
            }

            members.Add(id);
        }

        // A paragraph is its sentences joined by spaces (ParagraphReader guarantees it), and its terms are
        // theirs, so it is neither stored nor analysed again.
        foreach (var members in byParagraph.Values)
        {
            var sentences = members.Select(id => entries[id]!).OrderBy(e => e.Sentence).ToList();
            var paragraph = new ParagraphEntry(
                string.Join(' ', sentences.Select(e => e.Text)),
                sentences.SelectMany(e => e.Terms).ToHashSet(StringComparer.Ordinal));
            foreach (var id in members)
            {
                entries[id] = entries[id]! with { ParagraphEntry = paragraph };
            }
        }

        return new SentenceTable(entries);
    }
}

/// <summary>A paragraph's text and the set of its analysed terms (shared by its sentences).</summary>
internal sealed record ParagraphEntry(string Text, IReadOnlySet<string> Terms)
{
    /// <summary>Placeholder while a table is being loaded.</summary>
    public static ParagraphEntry Pending { get; } = new(string.Empty, new HashSet<string>());
}

/// <summary>One sentence's stored fields and analysed tokens (with their character ranges, for highlighting).</summary>
internal sealed record SentenceEntry(
    string Source,
    string Title,
    string? Date,
    string? Url,
    int Paragraph,
    int Sentence,
    string Text,
    IReadOnlyList<(string Term, TextSpan Span)> Tokens,
    IReadOnlySet<string> Terms,
    ParagraphEntry ParagraphEntry);
