namespace IncidentBot.Core.Timeline;

/// <summary>Where a timeline event was read: the sentence's document and position.</summary>
/// <param name="Source">File path relative to the seeds folder.</param>
/// <param name="Title">Document title.</param>
/// <param name="DocumentDate">The document's own date (from its metadata), or null when it has none.</param>
/// <param name="Url">Document URL, or null.</param>
/// <param name="Paragraph">1-based paragraph number in the document.</param>
/// <param name="Sentence">1-based sentence number in the paragraph.</param>
public sealed record TimelineCitation(
    string Source,
    string Title,
    DateOnly? DocumentDate,
    string? Url,
    int Paragraph,
    int Sentence);
