using System.Globalization;
using IncidentBot.Core.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace IncidentBot.Core.Indexing;

/// <summary>Turns a parsed corpus into Lucene documents (see <see cref="IndexFields"/> for the schema).</summary>
internal static class IndexDocumentWriter
{
    /// <summary>Adds every document of <paramref name="corpus"/>; returns (paragraphs, sentences) written.</summary>
    public static (int Paragraphs, int Sentences) AddCorpus(
        IndexWriter writer, SeedCorpus corpus, Action<int>? afterSentence, CancellationToken ct)
    {
        var paragraphs = 0;
        var sentences = 0;
        foreach (var document in corpus.Documents)
        {
            ct.ThrowIfCancellationRequested();
            var date = document.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var documentSentences = 0;
            foreach (var paragraph in document.Paragraphs)
            {
                paragraphs++;
                for (var i = 0; i < paragraph.Sentences.Count; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    writer.AddDocument(CreateSentence(document, date, paragraph, i));
                    sentences++;
                    documentSentences++;
                    afterSentence?.Invoke(sentences);
                }
            }

            writer.AddDocument(CreateDocumentEntry(document, date, documentSentences));
        }

        return (paragraphs, sentences);
    }

    private static Document CreateSentence(SourceDocument document, string? date, DocumentParagraph paragraph, int index)
    {
        var entry = new Document
        {
            new StringField(IndexFields.Kind, IndexFields.SentenceKind, Field.Store.NO),
            new StringField(IndexFields.Source, document.Source, Field.Store.YES),
            new StoredField(IndexFields.Title, document.Title),
            new StoredField(IndexFields.ParagraphNumber, paragraph.Number),
            new StoredField(IndexFields.SentenceNumber, index + 1),
            new TextField(IndexFields.Text, paragraph.Sentences[index], Field.Store.YES),
            new TextField(IndexFields.Paragraph, paragraph.Text, Field.Store.NO),
        };
        AddOptionalMetadata(entry, document, date);
        return entry;
    }

    private static Document CreateDocumentEntry(SourceDocument document, string? date, int sentences)
    {
        var entry = new Document
        {
            new StringField(IndexFields.Kind, IndexFields.DocumentKind, Field.Store.NO),
            new StringField(IndexFields.Source, document.Source, Field.Store.YES),
            new StoredField(IndexFields.Title, document.Title),
            new StoredField(IndexFields.SizeBytes, document.SizeBytes),
            new StoredField(IndexFields.ParagraphCount, document.Paragraphs.Count),
            new StoredField(IndexFields.SentenceCount, sentences),
        };
        AddOptionalMetadata(entry, document, date);
        return entry;
    }

    private static void AddOptionalMetadata(Document entry, SourceDocument document, string? date)
    {
        if (date is not null)
        {
            entry.Add(new StringField(IndexFields.Date, date, Field.Store.YES));
        }

        if (document.Url is not null)
        {
            entry.Add(new StoredField(IndexFields.Url, document.Url));
        }
    }
}
