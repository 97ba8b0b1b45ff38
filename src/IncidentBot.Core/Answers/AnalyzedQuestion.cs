namespace IncidentBot.Core.Answers;

/// <summary>A question's content words, with what it takes to weigh how much of it a text covers.</summary>
internal sealed class AnalyzedQuestion
{
    public AnalyzedQuestion(IReadOnlyList<QuestionTerm> terms)
    {
        Terms = terms;
        TotalWeight = terms.Sum(t => t.Weight);
        MatchTerms = terms.SelectMany(t => t.AllMatches).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<QuestionTerm> Terms { get; }

    /// <summary>Sum of the terms' IDF weights.</summary>
    public double TotalWeight { get; }

    /// <summary>Every index term that counts as a match (the terms, their near spellings and synonyms), for highlighting.</summary>
    public IReadOnlySet<string> MatchTerms { get; }

    /// <summary>Share (0-1) of the question's IDF weight whose words occur in <paramref name="present"/>.</summary>
    public double CoveredShare(IReadOnlySet<string> present) =>
        TotalWeight <= 0 ? 0 : Terms.Where(t => t.MatchedBy(present)).Sum(t => t.Weight) / TotalWeight;
}
