using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Indexing;

/// <summary>
/// One sentence's stored fields and analysed tokens: their character ranges (for highlighting) and, by
/// position, their kinds (for answer typing); and whether the sentence opens with a word like "It" or
/// "They" that points back to the sentence before.
/// </summary>
internal sealed record SentenceEntry(
    string Source,
    string Title,
    string? Date,
    string? Url,
    int Paragraph,
    int Sentence,
    string Text,
    IReadOnlyList<(string Term, TextSpan Span)> Tokens,
    IReadOnlyList<TokenKind> TokenKinds,
    IReadOnlySet<string> Terms,
    bool OpensWithPronoun,
    ParagraphEntry ParagraphEntry);
