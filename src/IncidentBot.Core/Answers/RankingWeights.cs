namespace IncidentBot.Core.Answers;

/// <summary>
/// How much each kind of evidence counts. Global parameters of the method, set by measurement on the
/// evaluation sets (never per question).
/// </summary>
internal sealed record RankingWeights
{
    public static RankingWeights Default { get; } = new();

    /// <summary>Boost of a question word found in the sentence itself.</summary>
    public float Sentence { get; init; } = 1.0f;

    /// <summary>Boost of a question word found in the sentence's paragraph (the paragraph prior).</summary>
    public float Paragraph { get; init; } = 0.5f;

    /// <summary>Boost of a question word found in the neighbouring sentences.</summary>
    public float Context { get; init; } = 0.3f;

    /// <summary>Factor for near-spellings searched in place of a word missing from the index.</summary>
    public float Fuzzy { get; init; } = 0.7f;

    /// <summary>How many sentences the first stage retrieves for re-ranking.</summary>
    public int Candidates { get; init; } = 30;

    /// <summary>
    /// Share of the question's evidence weight (IDF) that must be found in the best sentence's paragraph
    /// for the bot to answer; below it the bot says the documents do not answer.
    /// </summary>
    public double MinCoverage { get; init; } = 0.5;
}
