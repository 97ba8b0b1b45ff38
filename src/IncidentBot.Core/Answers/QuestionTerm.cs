namespace IncidentBot.Core.Answers;

/// <summary>A content word of a question: its analysed (stemmed) form and what the person typed.</summary>
/// <param name="Term">The analysed term as indexed (e.g. <c>target</c>).</param>
/// <param name="Surface">The word as typed (e.g. <c>targeted</c>).</param>
/// <param name="Expansions">Index terms searched for it: the term itself when indexed, else near spellings (typos).</param>
/// <param name="Weight">Inverse document frequency: how much evidence a match on this word carries.</param>
internal sealed record QuestionTerm(string Term, string Surface, IReadOnlyList<string> Expansions, double Weight)
{
    public bool IsKnown => Expansions.Count > 0;
}
