namespace IncidentBot.Core.Documents;

/// <summary>One seed file, parsed into metadata and numbered paragraphs.</summary>
/// <param name="Source">Path relative to the seeds folder, with '/' separators (e.g. <c>000_43178d05d4589019.txt</c>).</param>
/// <param name="Title">Front matter <c>title:</c>, else the first Markdown <c># heading</c>, else the file name.</param>
/// <param name="Date">Front matter <c>date:</c>, or a leading <c>date YYYY-MM-DD</c>; null when absent.</param>
/// <param name="Url">Front matter <c>url:</c>; null when absent.</param>
/// <param name="SizeBytes">Size of the file on disk.</param>
/// <param name="Paragraphs">Paragraphs in order, numbered from 1.</param>
public sealed record SourceDocument(
    string Source,
    string Title,
    DateOnly? Date,
    string? Url,
    long SizeBytes,
    IReadOnlyList<DocumentParagraph> Paragraphs);
