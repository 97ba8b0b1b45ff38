using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Core.Answers;

/// <summary>
/// How much each kind of evidence counts (configuration section <c>Ranking</c>, for experiments).
/// Global parameters of the method, set by measurement on the evaluation sets, never per question.
/// </summary>
public sealed class RankingOptions
{
    public const string SectionName = "Ranking";

    /// <summary>Boost of a question word found in the sentence itself.</summary>
    [Range(0, 10)]
    public float Sentence { get; set; } = 1.0f;

    /// <summary>Boost of a question word found in the sentence's paragraph (the paragraph prior).</summary>
    [Range(0, 10)]
    public float Paragraph { get; set; } = 1.0f;

    /// <summary>Factor for near-spellings searched in place of a word missing from the index.</summary>
    [Range(0, 1)]
    public float Fuzzy { get; set; } = 0.7f;

    /// <summary>Factor for words the synonyms file makes equivalent to a question word.</summary>
    [Range(0, 1)]
    public float Synonym { get; set; } = 0.8f;

    /// <summary>Re-ranking bonus for the share of the question's weight found in the sentence itself.</summary>
    [Range(0, 10)]
    public double SentenceCoverage { get; set; } = 1.0;

    /// <summary>How many sentences the first stage retrieves for re-ranking.</summary>
    [Range(1, 200)]
    public int Candidates { get; set; } = 20;

    /// <summary>
    /// Share of the question's evidence weight (IDF) that must be found in the best sentence's paragraph
    /// for the bot to answer; below it the bot says the documents do not answer.
    /// </summary>
    [Range(0, 1)]
    public double MinCoverage { get; set; } = 0.4;
}
