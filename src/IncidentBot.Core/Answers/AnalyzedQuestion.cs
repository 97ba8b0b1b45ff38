using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Answers;

/// <summary>A question's content words, with what it takes to weigh how much of it a text covers.</summary>
internal sealed class AnalyzedQuestion
{
    /// <summary>For each term related to a question word (<see cref="QuestionTerm.Related"/>), which words (positions in <see cref="Terms"/>).</summary>
    private readonly Dictionary<string, List<int>> _relatedIndex;

    /// <param name="terms">The distinct content words.</param>
    /// <param name="order">Positions in <paramref name="terms"/> in the order the words occur (repeats kept); null for list order.</param>
    /// <param name="expected">The kind of token the answer is likely to hold.</param>
    public AnalyzedQuestion(IReadOnlyList<QuestionTerm> terms, IReadOnlyList<int>? order = null, TokenKind expected = TokenKind.None)
    {
        Terms = terms;
        TotalWeight = terms.Sum(t => t.Weight);
        MatchTerms = terms.SelectMany(t => t.AllMatches).ToHashSet(StringComparer.Ordinal);
        Expected = expected;
        var termIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            foreach (var expansion in terms[i].Expansions.Concat(terms[i].Synonyms))
            {
                termIndex.TryAdd(expansion, i);
            }
        }

        TermIndex = termIndex;
        var relatedIndex = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            foreach (var related in terms[i].Related)
            {
                if (!relatedIndex.TryGetValue(related, out var owners))
                {
                    relatedIndex[related] = owners = [];
                }

                owners.Add(i);
            }
        }

        _relatedIndex = relatedIndex;
        order ??= Enumerable.Range(0, terms.Count).ToList();
        var pairs = new List<(int First, int Second)>();
        for (var i = 1; i < order.Count; i++)
        {
            var (first, second) = (order[i - 1], order[i]);
            if (first != second && terms[first].IsKnown && terms[second].IsKnown)
            {
                pairs.Add((first, second));
            }
        }

        Pairs = pairs;
        PairWeight = pairs.Sum(p => terms[p.First].Weight + terms[p.Second].Weight);
    }

    public IReadOnlyList<QuestionTerm> Terms { get; }

    /// <summary>Sum of the terms' IDF weights.</summary>
    public double TotalWeight { get; }

    /// <summary>Every index term that counts as a match (the terms, their near spellings and synonyms), for highlighting.</summary>
    public IReadOnlySet<string> MatchTerms { get; }

    /// <summary>Which of <see cref="Terms"/> an index term matches (its position in the list).</summary>
    public IReadOnlyDictionary<string, int> TermIndex { get; }

    /// <summary>Content words standing next to each other in the question (positions in <see cref="Terms"/>).</summary>
    public IReadOnlyList<(int First, int Second)> Pairs { get; }

    /// <summary>Sum of the weights of both words of every pair.</summary>
    public double PairWeight { get; }

    /// <summary>The kind of token the answer is likely to hold (from the question word), or none.</summary>
    public TokenKind Expected { get; }

    /// <summary>Share (0-1) of the question's IDF weight whose words occur in <paramref name="present"/>.</summary>
    public double CoveredShare(IReadOnlySet<string> present) =>
        TotalWeight <= 0 ? 0 : Terms.Where(t => t.MatchedBy(present)).Sum(t => t.Weight) / TotalWeight;

    /// <summary>Share (0-1) of the question's IDF weight whose words are missing from <paramref name="present"/> while a related word is there.</summary>
    public double RelatedShare(IReadOnlySet<string> present)
    {
        if (_relatedIndex.Count == 0 || TotalWeight <= 0)
        {
            return 0;
        }

        // From the text's terms to the question words they relate to: a sentence has ~20 terms, while a
        // question's related words run to hundreds, and this runs for every candidate.
        var counted = new bool[Terms.Count];
        var found = 0.0;
        foreach (var term in present)
        {
            if (!_relatedIndex.TryGetValue(term, out var owners))
            {
                continue;
            }

            foreach (var owner in owners)
            {
                if (!counted[owner] && !Terms[owner].MatchedBy(present))
                {
                    counted[owner] = true;
                    found += Terms[owner].Weight;
                }
            }
        }

        return found / TotalWeight;
    }

    /// <summary>Share (0-1) of the question's IDF weight whose words occur in any of <paramref name="texts"/>.</summary>
    public double CoveredShare(IReadOnlyList<IReadOnlySet<string>> texts) =>
        TotalWeight <= 0 ? 0 : Terms.Where(t => texts.Any(t.MatchedBy)).Sum(t => t.Weight) / TotalWeight;
}
