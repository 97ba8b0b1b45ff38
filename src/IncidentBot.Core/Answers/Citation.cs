using System.Text.Json.Serialization;

namespace IncidentBot.Core.Answers;

/// <summary>A numbered pointer to the sentence an answer (or a related passage) is quoted from.</summary>
/// <param name="N">1-based citation number, as shown to users ([1], [2], …).</param>
/// <param name="Source">File path relative to the seeds folder.</param>
/// <param name="Title">Document title.</param>
/// <param name="Date">Document date (yyyy-MM-dd), or null.</param>
/// <param name="Url">Document URL, or null.</param>
/// <param name="Paragraph">1-based paragraph number in the document.</param>
/// <param name="Sentence">1-based sentence number in the paragraph.</param>
/// <param name="Snippet">The quoted sentence, windowed around the matched words when long.</param>
/// <param name="Score">Ranking score (higher is better); comparable only within one answer.</param>
/// <param name="Highlights">Matched words in <paramref name="Snippet"/>.</param>
public sealed record Citation(
    [property: JsonPropertyName("n")] int N,
    string Source,
    string Title,
    string? Date,
    string? Url,
    int Paragraph,
    int Sentence,
    string Snippet,
    double Score,
    IReadOnlyList<TextSpan> Highlights);
