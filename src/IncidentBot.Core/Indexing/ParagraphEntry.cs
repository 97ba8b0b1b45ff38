namespace IncidentBot.Core.Indexing;

/// <summary>A paragraph as the re-rank sees it, shared by its sentences.</summary>
/// <param name="Text">The sentences joined by spaces.</param>
/// <param name="Terms">Every analysed term of the paragraph.</param>
/// <param name="SentenceTerms">Each sentence's terms in order: the neighbours of sentence n are at n - 2 and n.</param>
/// <param name="TermSequence">The paragraph's analysed terms in reading order, for phrase evidence.</param>
/// <param name="SourceStats">Term counts of the document the paragraph belongs to.</param>
internal sealed record ParagraphEntry(
    string Text,
    IReadOnlySet<string> Terms,
    IReadOnlyList<IReadOnlySet<string>> SentenceTerms,
    IReadOnlyList<string> TermSequence,
    SourceTermStats SourceStats)
{
    /// <summary>Placeholder while a table is being loaded.</summary>
    public static ParagraphEntry Pending { get; } = new(string.Empty, new HashSet<string>(), [], [], SourceTermStats.Empty);
}
