namespace IncidentBot.Core.Answers;

/// <summary>A question word the documents never use, and the nearest words they do use ("did you mean").</summary>
/// <param name="Word">The word as typed.</param>
/// <param name="Suggestions">Indexed words one or two edits away, as they appear in the documents, best first.</param>
public sealed record SpellingSuggestion(string Word, IReadOnlyList<string> Suggestions)
{
    /// <summary>
    /// One chat-neutral sentence for all suggestions, e.g. <c>Did you mean "users" (not "usres")?</c>; null when
    /// there are none. Front ends escape it for their markup.
    /// </summary>
    public static string? Describe(IReadOnlyList<SpellingSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var parts = suggestions
            .Where(s => s.Suggestions.Count > 0)
            .Select(s => $"{string.Join(" or ", s.Suggestions.Select(w => $"\"{w}\""))} (not \"{s.Word}\")")
            .ToList();
        return parts.Count == 0 ? null : $"Did you mean {string.Join(", ", parts)}?";
    }
}
