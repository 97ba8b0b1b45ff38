using System.Diagnostics.CodeAnalysis;

namespace IncidentBot.Core.Documents;

/// <summary>Outcome of <see cref="SeedLoader.Load"/>: either a corpus or an error message.</summary>
/// <param name="Corpus">The loaded corpus; null on failure.</param>
/// <param name="Error">Why loading failed; null on success.</param>
public sealed record SeedLoadResult(SeedCorpus? Corpus, string? Error)
{
    /// <summary>True when <see cref="Corpus"/> is available.</summary>
    [MemberNotNullWhen(true, nameof(Corpus))]
    public bool IsSuccess => Corpus is not null;

    public static SeedLoadResult Success(SeedCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return new SeedLoadResult(corpus, null);
    }

    public static SeedLoadResult Failure(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new SeedLoadResult(null, error);
    }
}
