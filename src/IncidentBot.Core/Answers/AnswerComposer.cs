using Lucene.Net.Analysis;

namespace IncidentBot.Core.Answers;

/// <summary>
/// Second half of answering: decides whether the best sentence really answers (enough of the question's
/// evidence found around it) and shapes the reply, with quoted text, highlights and numbered citations.
/// </summary>
internal sealed class AnswerComposer(Analyzer textAnalyzer, RankingOptions weights)
{
    public const int MaxAnswerLength = 400;
    public const int MaxSnippetLength = 240;

    public const string NotAnsweredMessage = "The documents don't answer this question. The closest passages are below.";
    public const string NoMatchMessage = "The documents don't mention any of the words in this question.";
    public const string NoWordsMessage = "The question has no words to search for. Ask about something in the documents.";

    public Answer Compose(string question, IReadOnlyList<QuestionTerm> terms, IReadOnlyList<RankedSentence> candidates, int top)
    {
        if (terms.Count == 0)
        {
            return new Answer(question, false, null, NoWordsMessage, [], 0);
        }

        if (candidates.Count == 0)
        {
            return new Answer(question, false, null, NoMatchMessage, [], 0);
        }

        var matchTerms = terms.SelectMany(t => t.Expansions).ToHashSet(StringComparer.Ordinal);
        var citations = candidates.Take(top).Select((c, i) => Cite(c, i + 1, matchTerms)).ToList();
        var best = candidates[0];
        if (Coverage(terms, best) < weights.MinCoverage)
        {
            return new Answer(question, false, null, NotAnsweredMessage, citations, 0);
        }

        var (text, highlights) = TextWindow.Fit(best.Entry.Text, TermMatcher.Highlights(textAnalyzer, best.Entry.Text, matchTerms), MaxAnswerLength);
        return new Answer(question, true, text, null, citations, 0) { Highlights = highlights };
    }

    /// <summary>Share of the question's IDF weight whose words occur in the sentence's paragraph.</summary>
    internal static double Coverage(IReadOnlyList<QuestionTerm> terms, RankedSentence sentence)
    {
        var total = terms.Sum(t => t.Weight);
        if (total <= 0)
        {
            return 0;
        }

        var present = sentence.Entry.ParagraphEntry.Terms;
        var found = terms.Where(t => t.Expansions.Any(present.Contains)).Sum(t => t.Weight);
        return found / total;
    }

    private Citation Cite(RankedSentence ranked, int number, IReadOnlySet<string> matchTerms)
    {
        var sentence = ranked.Entry;
        var highlights = TermMatcher.Highlights(textAnalyzer, sentence.Text, matchTerms);
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
