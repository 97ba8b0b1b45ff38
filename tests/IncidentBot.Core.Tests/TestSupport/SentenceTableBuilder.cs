using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace IncidentBot.Core.Tests.TestSupport;

/// <summary>
/// Builds a <see cref="SentenceTable"/> from a few paragraphs in memory, as an index snapshot would give
/// it, and analyses questions the way the ranker does (every word weighing 1 unless told otherwise, with its related words).
/// </summary>
internal static class SentenceTableBuilder
{
    /// <summary>The entries of <paramref name="paragraphs"/> (source, paragraph number, sentences) in order.</summary>
    public static List<SentenceEntry> Build(params (string Source, int Paragraph, string[] Sentences)[] paragraphs)
    {
        using var directory = new RAMDirectory();
        using var analyzer = TextAnalysis.CreateIndexAnalyzer();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.Version, analyzer)))
        {
            foreach (var (source, paragraph, sentences) in paragraphs)
            {
                for (var i = 0; i < sentences.Length; i++)
                {
                    writer.AddDocument(new Document
                    {
                        new StringField(IndexFields.Source, source, Field.Store.YES),
                        new StoredField(IndexFields.Title, source),
                        new StoredField(IndexFields.ParagraphNumber, paragraph),
                        new StoredField(IndexFields.SentenceNumber, i + 1),
                        new TextField(IndexFields.Text, sentences[i], Field.Store.YES),
                    });
                }
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var table = SentenceTable.Load(reader, analyzer);
        return Enumerable.Range(0, reader.MaxDoc).Select(id => table[id]!).ToList();
    }

    /// <summary>The question's content words, each weighing 1 unless <paramref name="weights"/> says otherwise.</summary>
    public static AnalyzedQuestion Question(string question, IReadOnlyDictionary<string, double>? weights = null)
    {
        using var analyzer = TextAnalysis.CreateQuestionAnalyzer();
        var terms = new List<QuestionTerm>();
        var order = new List<int>();
        foreach (var (term, span) in TermMatcher.Tokens(analyzer, question))
        {
            var known = terms.FindIndex(t => t.Term == term);
            if (known < 0)
            {
                var surface = question.Substring(span.Start, span.Length);
                terms.Add(new QuestionTerm(term, surface, [term], weights?.GetValueOrDefault(term, 1) ?? 1)
                {
                    IsName = span.Start > 0 && char.IsUpper(surface[0]),
                    Related = RelatedWords.Default.Of(term),
                });
                known = terms.Count - 1;
            }

            order.Add(known);
        }

        return new AnalyzedQuestion(terms, order, ExpectedAnswer.Of(question));
    }
}
