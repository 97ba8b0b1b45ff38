namespace IncidentBot.Core.Answers;

/// <summary>
/// Second half of answering: decides whether the best sentence really answers (enough of the question's
/// evidence found around it) and shapes the reply, with quoted text, highlights and numbered citations.
/// </summary>
internal sealed class AnswerComposer(RankingOptions weights)
{
    public const int MaxAnswerLength = 400;
    public const int MaxSnippetLength = 240;

    public const string NotAnsweredMessage = "The documents don't answer this question. The closest passages are below.";
    public const string NoMatchMessage = "The documents don't mention any of the words in this question.";
    public const string NoWordsMessage = "The question has no words to search for. Ask about something in the documents.";

    public Answer Compose(string question, AnalyzedQuestion analyzed, IReadOnlyList<RankedSentence> candidates, int top)
    {
        if (analyzed.Terms.Count == 0)
        {
            return new Answer(question, false, null, NoWordsMessage, [], 0);
        }

        if (candidates.Count == 0)
        {
            return new Answer(question, false, null, NoMatchMessage, [], 0);
        }

        var best = candidates[0];
        var bestHighlights = TermMatcher.Highlights(best.Entry.Tokens, analyzed.MatchTerms);
        var citations = candidates.Take(top)
            .Select((c, i) => Cite(c, i + 1, i == 0 ? bestHighlights : TermMatcher.Highlights(c.Entry.Tokens, analyzed.MatchTerms)))
            .ToList();
        var minCoverage = analyzed.Terms.All(t => t.IsKnown) ? weights.MinCoverageKnownWords : weights.MinCoverage;
        var coverage = analyzed.CoveredShare(best.Entry.ParagraphEntry.Terms);
        var confidence = Math.Round(Confidence(coverage, best.Score - (candidates.Count > 1 ? candidates[1].Score : 0)), 3);

        // Two reasons to abstain: too little of the question in the paragraph (it is about something else), or
        // a best sentence so weak and so close to the others that it is more likely wrong than right.
        if (coverage < minCoverage || confidence < weights.MinConfidence)
        {
            return new Answer(question, false, null, NotAnsweredMessage, citations, 0) { Confidence = confidence };
        }

        var (text, highlights) = TextWindow.Fit(best.Entry.Text, bestHighlights, MaxAnswerLength);
        return new Answer(question, true, text, null, citations, 0) { Highlights = highlights, Confidence = confidence };
    }

    /// <summary>The logistic confidence model (see <see cref="RankingOptions.ConfidenceBias"/>).</summary>
    internal double Confidence(double coverage, double margin) =>
        1 / (1 + Math.Exp(-(weights.ConfidenceBias + (weights.ConfidenceCoverage * coverage) + (weights.ConfidenceMargin * margin))));

    private static Citation Cite(RankedSentence ranked, int number, IReadOnlyList<TextSpan> highlights)
    {
        var sentence = ranked.Entry;
        var (snippet, snippetHighlights) = TextWindow.Fit(sentence.Text, highlights, MaxSnippetLength);
        return new Citation(
            number,
            sentence.Source,
            sentence.Title,
            sentence.Date,
            sentence.Url,
            sentence.Paragraph,
            sentence.Sentence,
            snippet,
            Math.Round(ranked.Score, 3),
            snippetHighlights);
    }
}
