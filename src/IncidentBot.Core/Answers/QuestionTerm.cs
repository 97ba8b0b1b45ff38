namespace IncidentBot.Core.Answers;

/// <summary>A content word of a question: its analysed (stemmed) form and what the person typed.</summary>
/// <param name="Term">The analysed term as indexed (e.g. <c>target</c>).</param>
/// <param name="Surface">The word as typed (e.g. <c>targeted</c>).</param>
/// <param name="Expansions">Index terms searched for it: the term itself when indexed, else near spellings (typos).</param>
/// <param name="Weight">Inverse document frequency: how much evidence a match on this word carries.</param>
internal sealed record QuestionTerm(string Term, string Surface, IReadOnlyList<string> Expansions, double Weight)
{
    public bool IsKnown => Expansions.Count > 0 || Synonyms.Count > 0 || SynonymPhrases.Count > 0;

    /// <summary>One-word index terms the synonyms file makes equivalent to this word (searched with a lower boost).</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>Several-word synonyms (term sequences) for this word or the alias it is part of, searched as phrases.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SynonymPhrases { get; init; } = [];

    /// <summary>Every index term that counts as this word in a text: itself or its near spellings, and its synonyms.</summary>
    public IEnumerable<string> AllMatches => Expansions.Concat(Synonyms).Concat(SynonymPhrases.SelectMany(p => p));

    /// <summary>Whether a text with these <paramref name="present"/> terms contains this word, a spelling or a synonym of it.</summary>
    public bool MatchedBy(IReadOnlySet<string> present) =>
        Expansions.Any(present.Contains) || Synonyms.Any(present.Contains) || SynonymPhrases.Any(p => p.All(present.Contains));

    /// <summary>
    /// Index terms of words related to this one (<see cref="RelatedWords"/>: "death" for "die"). Weaker evidence
    /// than the word itself, so they never count as it: they only earn <see cref="RankingFeatures.RelatedWords"/>.
    /// </summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Capitalised although not the question's first word: part of a name ("Super Bowl", "Tesla").</summary>
    public bool IsName { get; init; }
}
