using IncidentBot.Core.Indexing;
using IncidentBot.Core.Synonyms;
using Lucene.Net.Index;

namespace IncidentBot.Core.Answers;

/// <summary>
/// Applies the synonyms file to an analysed question: every question word of a matched alias ("q cyber
/// technolog") gets the alias's synonyms, one-word ones as terms and several-word ones as phrases, so a
/// sentence that names the thing another way counts as covering those words, and shows them highlighted.
/// Synonyms with a word the index has never seen are dropped: they could only add noise.
/// </summary>
internal static class SynonymExpansion
{
    public static List<QuestionTerm> Apply(List<QuestionTerm> terms, SynonymMap map, IndexReader reader)
    {
        if (map.RuleCount == 0 || terms.Count == 0)
        {
            return terms;
        }

        var words = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (from, to) in map.Matches(terms.Select(t => t.Term).ToList()))
        {
            if (!to.All(term => reader.DocFreq(new Term(IndexFields.Text, term)) > 0))
            {
                continue;
            }

            foreach (var owner in from)
            {
                if (to.Count == 1)
                {
                    Add(words, owner, to[0]);
                }
                else
                {
                    Add(phrases, owner, to);
                }
            }
        }

        return terms.Select(t => t with
        {
            Synonyms = words.TryGetValue(t.Term, out var w) ? [.. w.Distinct(StringComparer.Ordinal).Except(t.Expansions, StringComparer.Ordinal)] : t.Synonyms,
            SynonymPhrases = phrases.TryGetValue(t.Term, out var p) ? p : t.SynonymPhrases,
        }).ToList();
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
