namespace IncidentBot.Core.Documents;

/// <summary>A paragraph (text between blank lines) and its sentences.</summary>
/// <param name="Number">1-based position of the paragraph in its document.</param>
/// <param name="Text">The paragraph with inner line breaks folded to spaces.</param>
/// <param name="Sentences">The sentences of <paramref name="Text"/>, in order (sentence n is index n-1).</param>
public sealed record DocumentParagraph(int Number, string Text, IReadOnlyList<string> Sentences);
