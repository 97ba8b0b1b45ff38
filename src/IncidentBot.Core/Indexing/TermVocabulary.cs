using Lucene.Net.Index;
using Lucene.Net.Util;

namespace IncidentBot.Core.Indexing;

/// <summary>
/// The analysed terms of the sentence field of one snapshot, grouped by first letter, for finding the
/// indexed spellings nearest to a word the index has never seen (typo tolerance).
/// </summary>
/// <remarks>
/// LUCENE TRAP: <c>FuzzyQuery</c> builds a Levenshtein automaton for every query term it rewrites; in
/// beta17 that costs ~0.3 ms for one edit and ~2 ms for two, which dominated the latency of questions
/// with unknown words. Incident vocabularies are small (SQuAD's 48 articles: ~25k terms), so comparing
/// against the few hundred terms that share a first letter and a similar length is far cheaper.
/// </remarks>
internal sealed class TermVocabulary
{
    private readonly Dictionary<char, List<(string Term, int DocFreq)>> _byFirstLetter;

    private TermVocabulary(Dictionary<char, List<(string Term, int DocFreq)>> byFirstLetter) => _byFirstLetter = byFirstLetter;

    public static TermVocabulary Empty { get; } = new([]);

    public static TermVocabulary Load(IndexReader reader, string field)
    {
        var byFirstLetter = new Dictionary<char, List<(string Term, int DocFreq)>>();
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return Empty;
        }

        var termsEnum = terms.GetEnumerator();
        while (termsEnum.MoveNext())
        {
            var term = termsEnum.Term.Utf8ToString();
            if (term.Length == 0)
            {
                continue;
            }

            if (!byFirstLetter.TryGetValue(term[0], out var bucket))
            {
                byFirstLetter[term[0]] = bucket = [];
            }

            bucket.Add((term, termsEnum.DocFreq));
        }

        return new TermVocabulary(byFirstLetter);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> indexed terms within <paramref name="maxEdits"/> edits of
    /// <paramref name="term"/> (insertions, deletions, substitutions, adjacent transpositions), sharing its
    /// first letter as <c>FuzzyQuery</c>'s prefix length 1 did; nearest first, then the most frequent.
    /// </summary>
    public IReadOnlyList<(string Term, int DocFreq)> NearestSpellings(string term, int maxEdits, int limit)
    {
        if (term.Length == 0 || !_byFirstLetter.TryGetValue(term[0], out var bucket))
        {
            return [];
        }

        var found = new List<(string Term, int DocFreq, int Distance)>();
        foreach (var (candidate, docFreq) in bucket)
        {
            if (Math.Abs(candidate.Length - term.Length) <= maxEdits
                && EditDistance.Bounded(term, candidate, maxEdits) is var distance and > 0
                && distance <= maxEdits)
            {
                found.Add((candidate, docFreq, distance));
            }
        }

        return found
            .OrderBy(f => f.Distance)
            .ThenByDescending(f => f.DocFreq)
            .ThenBy(f => f.Term, StringComparer.Ordinal)
            .Take(limit)
            .Select(f => (f.Term, f.DocFreq))
            .ToList();
    }
}
