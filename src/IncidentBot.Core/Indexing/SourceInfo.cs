namespace IncidentBot.Core.Indexing;

/// <summary>One indexed document, as listed by <c>sources</c>.</summary>
public sealed record SourceInfo(
    string Source,
    string Title,
    string? Date,
    string? Url,
    long SizeBytes,
    int Paragraphs,
    int Sentences);
