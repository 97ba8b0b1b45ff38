namespace IncidentBot.Core.Feedback;

/// <summary>A group of weak questions about the same thing: what document owners should add.</summary>
/// <param name="Words">The words the group's questions share, most frequent first.</param>
/// <param name="Questions">How many questions the group holds.</param>
/// <param name="Unanswered">How many of them the documents did not answer.</param>
/// <param name="NotHelpful">How many were answered but voted "Not helpful".</param>
/// <param name="Examples">Up to three distinct question texts, newest first.</param>
/// <param name="LastAsked">When a question of the group was last asked.</param>
public sealed record QuestionGap(
    IReadOnlyList<string> Words,
    int Questions,
    int Unanswered,
    int NotHelpful,
    IReadOnlyList<string> Examples,
    DateTimeOffset LastAsked);
