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

    // Second-stage weights (see RankingFeatures), relative to the first stage's score, which counts 1.
    // Fitted on half of the SQuAD evaluation articles and checked on the other half.

    /// <summary>Share of the question's document-local IDF weight found in the sentence or its neighbours.</summary>
    [Range(0, 10)]
    public double ContextCoverage { get; set; } = 0.81;

    /// <summary>BM25 of the sentence alone with document-local IDF, relative to the best candidate's.</summary>
    [Range(0, 10)]
    public double SentenceMatch { get; set; } = 0.65;

    /// <summary>Share of the question's capitalised words found in the sentence's paragraph.</summary>
    [Range(0, 10)]
    public double NameCoverage { get; set; } = 0.55;

    /// <summary>Share of the question's adjacent word pairs found close together in the paragraph.</summary>
    [Range(0, 10)]
    public double ParagraphPhrase { get; set; } = 0.47;

    /// <summary>A token of the kind the question asks for (a date for "when") close to a question word.</summary>
    [Range(0, 10)]
    public double AnswerNearby { get; set; } = 0.34;

    /// <summary>Share of the question's IDF weight found in the sentence or the one before it.</summary>
    [Range(0, 10)]
    public double LeadInCoverage { get; set; } = 0.63;

    /// <summary>For a sentence opening with a pronoun, the share of the question found only in the sentence before.</summary>
    [Range(0, 10)]
    public double PronounContext { get; set; } = 0.22;

    /// <summary>
    /// Share of the question's IDF weight the sentence says with a related word instead ("death" for "die").
    /// 0 turns the WordNet table off (it is then never loaded).
    /// </summary>
    [Range(0, 10)]
    public double RelatedWords { get; set; } = 1.2;

    /// <summary>How many sentences the first stage retrieves for re-ranking.</summary>
    [Range(1, 200)]
    public int Candidates { get; set; } = 20;

    /// <summary>
    /// Share of the question's evidence weight (IDF) that must be found in the best sentence's paragraph
    /// for the bot to answer; below it the bot says the documents do not answer.
    /// </summary>
    [Range(0, 1)]
    public double MinCoverage { get; set; } = 0.4;

    /// <summary>
    /// <see cref="MinCoverage"/> for a question all of whose words occur somewhere in the documents. Such a
    /// question is about what the documents discuss, and a paragraph holding part of it is usually the answer;
    /// a word the documents never use is a sign the question is about something else, so the stricter share holds.
    /// </summary>
    [Range(0, 1)]
    public double MinCoverageKnownWords { get; set; } = 0.25;

    // The answer's confidence: a logistic model of the chance that the answer sentence is right, from the
    // share of the question found in its paragraph and the best candidate's lead over the second. Fitted on
    // half of the SQuAD evaluation articles and checked for calibration on the other half.

    /// <summary>Intercept of the confidence model.</summary>
    [Range(-20, 20)]
    public double ConfidenceBias { get; set; } = -1.821;

    /// <summary>Weight of the paragraph's coverage of the question in the confidence model.</summary>
    [Range(0, 20)]
    public double ConfidenceCoverage { get; set; } = 1.838;

    /// <summary>Weight of the best candidate's score lead over the second in the confidence model.</summary>
    [Range(0, 20)]
    public double ConfidenceMargin { get; set; } = 3.35;

    /// <summary>Below this confidence the bot abstains, whatever the coverage.</summary>
    [Range(0, 1)]
    public double MinConfidence { get; set; } = 0.25;
}
