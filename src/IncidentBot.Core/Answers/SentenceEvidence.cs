using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Answers;

/// <summary>Computes the second-stage <see cref="RankingFeatures"/> of one candidate sentence.</summary>
/// <remarks>
/// Everything is read from the sentence table (terms, token positions and kinds, document term counts), so
/// the re-rank costs no I/O and no analysis: a few passes over a sentence's ~20 tokens per candidate.
/// </remarks>
internal static class SentenceEvidence
{
    /// <summary>How far apart (in content words) two question words may stand and still count as a phrase.</summary>
    private const int PhraseSlop = 2;

    /// <summary>How close (in content words) a token of the expected kind must stand to a question word.</summary>
    private const int AnswerDistance = 3;

    /// <summary>BM25 parameters of <see cref="RankingFeatures.SentenceMatch"/>, as for the sentence field.</summary>
    private const double K1 = 1.2, B = 0.5;

    /// <param name="question">The analysed question.</param>
    /// <param name="sentence">The candidate.</param>
    /// <param name="retrieval">The first stage's relative score.</param>
    /// <param name="averageLength">Mean sentence length in tokens.</param>
    /// <param name="paragraphPhrase">The paragraph's <see cref="RankingFeatures.ParagraphPhrase"/> (see <see cref="ParagraphPhrase"/>).</param>
    /// <returns>The features, with <see cref="RankingFeatures.SentenceMatch"/> not yet relative to the best candidate.</returns>
    public static RankingFeatures Compute(AnalyzedQuestion question, SentenceEntry sentence, double retrieval, double averageLength, double paragraphPhrase)
    {
        var matched = Match(question, sentence.Tokens.Select(t => t.Term));
        var at = sentence.Sentence - 1;
        var paragraph = sentence.ParagraphEntry.SentenceTerms;
        var previous = at > 0 && at - 1 < paragraph.Count ? paragraph[at - 1] : null;
        var next = at + 1 < paragraph.Count ? paragraph[at + 1] : null;
        IReadOnlyList<IReadOnlySet<string>> window = [sentence.Terms, .. previous is null ? [] : new[] { previous }, .. next is null ? [] : new[] { next }];

        var own = question.CoveredShare(sentence.Terms);
        var leadIn = previous is null ? own : question.CoveredShare([sentence.Terms, previous]);
        var stats = sentence.ParagraphEntry.SourceStats;
        return new RankingFeatures(
            retrieval,
            LocalShare(question, stats, window),
            LocalBm25(question, stats, matched, averageLength),
            NameShare(question, sentence.ParagraphEntry.Terms),
            paragraphPhrase,
            AnswerNearby(question, sentence, matched) ? 1 : 0,
            leadIn,
            sentence.OpensWithPronoun ? leadIn - own : 0,
            question.RelatedShare(sentence.Terms));
    }

    /// <summary>Share (by weight) of the question's adjacent word pairs found within <see cref="PhraseSlop"/> of each other in the paragraph.</summary>
    public static double ParagraphPhrase(AnalyzedQuestion question, ParagraphEntry paragraph)
    {
        if (question.PairWeight <= 0)
        {
            return 0;
        }

        var matched = Match(question, paragraph.TermSequence);
        var found = 0.0;
        foreach (var (first, second) in question.Pairs)
        {
            if (Near(matched, first, second))
            {
                found += question.Terms[first].Weight + question.Terms[second].Weight;
            }
        }

        return found / question.PairWeight;
    }

    /// <summary>For each term, the position in <see cref="AnalyzedQuestion.Terms"/> of the question word it matches, or -1.</summary>
    private static int[] Match(AnalyzedQuestion question, IEnumerable<string> terms) =>
        terms.Select(t => question.TermIndex.TryGetValue(t, out var index) ? index : -1).ToArray();

    private static bool Near(int[] matched, int first, int second)
    {
        for (var i = 0; i < matched.Length; i++)
        {
            if (matched[i] != first)
            {
                continue;
            }

            for (var j = Math.Max(0, i - PhraseSlop); j <= Math.Min(matched.Length - 1, i + PhraseSlop); j++)
            {
                if (matched[j] == second)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Share of the question's weight found in <paramref name="texts"/>, each word weighed by its IDF within the document.</summary>
    private static double LocalShare(AnalyzedQuestion question, SourceTermStats stats, IReadOnlyList<IReadOnlySet<string>> texts)
    {
        double total = 0, found = 0;
        foreach (var term in question.Terms.Where(t => t.IsKnown))
        {
            var weight = LocalIdf(term, stats);
            total += weight;
            if (texts.Any(term.MatchedBy))
            {
                found += weight;
            }
        }

        return total <= 0 ? 0 : found / total;
    }

    /// <summary>
    /// A word's rarity within the document: that of its rarest spelling or one-word synonym. A word known only
    /// through a several-word synonym has none and weighs the document-wide IDF's share of nothing (0).
    /// </summary>
    private static double LocalIdf(QuestionTerm term, SourceTermStats stats) =>
        term.Expansions.Concat(term.Synonyms).Select(stats.Idf).DefaultIfEmpty(0).Max();

    /// <summary>BM25 of the sentence's own tokens, each question word weighed by its IDF within the document.</summary>
    private static double LocalBm25(AnalyzedQuestion question, SourceTermStats stats, int[] matched, double averageLength)
    {
        var norm = K1 * (1 - B + (B * matched.Length / averageLength));
        var score = 0.0;
        foreach (var group in matched.Where(m => m >= 0).GroupBy(m => m))
        {
            var frequency = group.Count();
            score += LocalIdf(question.Terms[group.Key], stats) * frequency * (K1 + 1) / (frequency + norm);
        }

        return score;
    }

    /// <summary>Share of the weight of the question's capitalised words found in <paramref name="present"/>; 1 when it has none.</summary>
    private static double NameShare(AnalyzedQuestion question, IReadOnlySet<string> present)
    {
        double total = 0, found = 0;
        foreach (var term in question.Terms.Where(t => t.IsName && t.IsKnown))
        {
            total += term.Weight;
            found += term.MatchedBy(present) ? term.Weight : 0;
        }

        return total <= 0 ? 1 : found / total;
    }

    /// <summary>A token of the expected kind that is not a question word, within <see cref="AnswerDistance"/> tokens of one.</summary>
    private static bool AnswerNearby(AnalyzedQuestion question, SentenceEntry sentence, int[] matched)
    {
        if (question.Expected == TokenKind.None)
        {
            return false;
        }

        for (var i = 0; i < matched.Length; i++)
        {
            if (matched[i] >= 0 || (sentence.TokenKinds[i] & question.Expected) == 0)
            {
                continue;
            }

            for (var j = Math.Max(0, i - AnswerDistance); j <= Math.Min(matched.Length - 1, i + AnswerDistance); j++)
            {
                if (matched[j] >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
