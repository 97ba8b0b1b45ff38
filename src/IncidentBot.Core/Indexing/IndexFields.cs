namespace IncidentBot.Core.Indexing;

/// <summary>
/// The index schema. One Lucene document per sentence (the unit we answer with) carries its own text
/// and, as an extra analysed field, its paragraph, so a single BM25 query scores a sentence by its own
/// words and by the passage around it. (Measured on SQuAD: adding the neighbouring sentences as a third
/// field lowered hit@1, so there is none.) One more Lucene document per source file carries the
/// metadata listed by <c>sources</c>.
/// </summary>
internal static class IndexFields
{
    /// <summary>Bumped whenever the schema or analysis changes, so an old index is rebuilt at start-up.</summary>
    public const string SchemaVersion = "3";

    /// <summary>Un-analysed marker: <see cref="SentenceKind"/> or <see cref="DocumentKind"/>.</summary>
    public const string Kind = "kind";
    public const string SentenceKind = "sentence";
    public const string DocumentKind = "document";

    public const string Source = "source";
    public const string Title = "title";
    public const string Date = "date";
    public const string Url = "url";
    public const string ParagraphNumber = "paragraph";
    public const string SentenceNumber = "sentence";

    /// <summary>The sentence itself: stored (it is the answer) and analysed.</summary>
    public const string Text = "text";

    /// <summary>The whole paragraph, analysed only (the paragraph prior); the sentence table rebuilds its text from its sentences.</summary>
    public const string Paragraph = "para";


    public const string SizeBytes = "size";
    public const string ParagraphCount = "paragraphs";
    public const string SentenceCount = "sentences";

    // Commit user data keys: what the index was built from.
    public const string CommitContentHash = "content_hash";
    public const string CommitSchema = "schema";
    public const string CommitBuiltAt = "built_at";
    public const string CommitDocuments = "documents";
    public const string CommitParagraphs = "paragraphs";
    public const string CommitSentences = "sentences";
}
