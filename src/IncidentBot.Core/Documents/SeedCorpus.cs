namespace IncidentBot.Core.Documents;

/// <summary>The parsed seed documents of one seeds folder.</summary>
/// <param name="RootPath">Full path of the seeds folder.</param>
/// <param name="Documents">Loaded documents, in ordinal order of <see cref="SourceDocument.Source"/>.</param>
/// <param name="Warnings">Human-readable warnings about files that were skipped or decoded lossily.</param>
/// <param name="ContentHash">
/// Lowercase hex SHA-256 over the relative paths and raw bytes of every candidate file;
/// equal to <see cref="SeedLoader.ComputeContentHash(string)"/> for an unchanged folder.
/// </param>
public sealed record SeedCorpus(
    string RootPath,
    IReadOnlyList<SourceDocument> Documents,
    IReadOnlyList<string> Warnings,
    string ContentHash);
