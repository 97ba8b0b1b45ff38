namespace IncidentBot.Core.Answers;

/// <summary>A candidate evidence sentence with its stored fields and final ranking score.</summary>
internal sealed record RankedSentence(
    string Source,
    string Title,
    string? Date,
    string? Url,
    int Paragraph,
    int Sentence,
    string Text,
    string ParagraphText,
    double Score);
