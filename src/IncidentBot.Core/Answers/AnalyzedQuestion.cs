using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Answers;

/// <summary>A question's content words, with what it takes to weigh how much of it a text covers.</summary>
internal sealed class AnalyzedQuestion
{
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

    /// <summary>Share (0-1) of the question's IDF weight whose words occur in any of <paramref name="texts"/>.</summary>
    public double CoveredShare(IReadOnlyList<IReadOnlySet<string>> texts) =>
        TotalWeight <= 0 ? 0 : Terms.Where(t => texts.Any(t.MatchedBy)).Sum(t => t.Weight) / TotalWeight;
}
