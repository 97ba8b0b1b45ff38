using IncidentBot.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IncidentBot.Core.Answers;

/// <summary>
/// Turns the near spellings the ranker searched for unknown question words back into words a person
/// recognises. Index terms are stems ("usr" for users), so each is shown as it is written in a sentence that
/// contains it. Only questions with an unknown word pay for this: one single-term search per suggestion.
/// </summary>
internal static class SpellingSuggester
{
    private const int MaxSuggestionsPerWord = 3;

    public static IReadOnlyList<SpellingSuggestion> Suggest(IncidentSearcher searcher, AnalyzedQuestion question)
    {
        var suggestions = new List<SpellingSuggestion>();
        foreach (var term in question.Terms)
        {
            // Known words search themselves; unknown words without near spellings have nothing to suggest.
            if (term.Expansions.Count == 0 || (term.Expansions.Count == 1 && term.Expansions[0] == term.Term))
            {
                continue;
            }

            var words = term.Expansions
                .Select(stem => WrittenForm(searcher, stem))
                .OfType<string>()
                .Where(w => !w.Equals(term.Surface, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaxSuggestionsPerWord)
                .ToList();
            if (words.Count > 0)
            {
                suggestions.Add(new SpellingSuggestion(term.Surface, words));
            }
        }

        return suggestions;
    }

    /// <summary>How <paramref name="stem"/> is written in the best sentence containing it; lower case unless it is a name.</summary>
    private static string? WrittenForm(IncidentSearcher searcher, string stem)
    {
        var top = searcher.Search(new TermQuery(new Term(IndexFields.Text, stem)), 1);
        if (top.ScoreDocs.Length == 0 || searcher.Sentences[top.ScoreDocs[0].Doc] is not { } entry)
        {
            return null;
        }

        foreach (var (token, span) in entry.Tokens)
        {
            if (token == stem)
            {
                var word = entry.Text.Substring(span.Start, span.Length);

                // A capital at the start of a sentence says nothing; inside one it marks a name ("WhatsApp").
                return span.Start > 0 && char.IsUpper(word[0]) ? word : word.ToLowerInvariant();
            }
        }

        return null;
    }
}
