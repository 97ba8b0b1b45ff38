namespace IncidentBot.Core.Answers;

/// <summary>
/// The evidence the second stage weighs for one candidate sentence, each in 0-1; the score is the first
/// stage's relative score plus the others weighted by <see cref="RankingOptions"/>.
/// </summary>
/// <param name="Retrieval">First-stage BM25 score (sentence and paragraph) relative to the best candidate's.</param>
/// <param name="ContextCoverage">Share of the question's document-local IDF weight found in the sentence or its neighbours.</param>
/// <param name="SentenceMatch">BM25 of the sentence alone with document-local IDF, relative to the best candidate's.</param>
/// <param name="NameCoverage">Share of the question's capitalised words found in the paragraph (1 when it has none).</param>
/// <param name="ParagraphPhrase">Share (by weight) of the question's adjacent word pairs found close together in the paragraph.</param>
/// <param name="AnswerNearby">1 when a token of the expected kind, not one of the question's, stands within a few words of a question word.</param>
/// <param name="LeadInCoverage">Share of the question's IDF weight found in the sentence or the one before it.</param>
/// <param name="PronounContext">When the sentence opens with a pronoun, the share only the sentence before it adds.</param>
/// <param name="RelatedWords">Share of the question's IDF weight the sentence lacks but says with a related word ("death" for "die").</param>
internal readonly record struct RankingFeatures(
    double Retrieval,
    double ContextCoverage,
    double SentenceMatch,
    double NameCoverage,
    double ParagraphPhrase,
    double AnswerNearby,
    double LeadInCoverage,
    double PronounContext,
    double RelatedWords = 0)
{
    public double Score(RankingOptions w) =>
        Retrieval
        + (w.ContextCoverage * ContextCoverage)
        + (w.SentenceMatch * SentenceMatch)
        + (w.NameCoverage * NameCoverage)
        + (w.ParagraphPhrase * ParagraphPhrase)
        + (w.AnswerNearby * AnswerNearby)
        + (w.LeadInCoverage * LeadInCoverage)
        + (w.PronounContext * PronounContext)
        + (w.RelatedWords * RelatedWords);
}
