namespace IncidentBot.Core.Indexing;

/// <summary>What the index that is answering was built from, read from its commit point.</summary>
public sealed record IndexSnapshotInfo(
    string ContentHash,
    DateTimeOffset BuiltAt,
    int Documents,
    int Paragraphs,
    int Sentences);
