namespace IncidentBot.Core.Conversations;

/// <summary>A stored question the documents did not serve well: unanswered, or voted "Not helpful" more than "Helpful".</summary>
/// <param name="Question">The question text as stored.</param>
/// <param name="Channel">Where it was asked (discord, slack, http).</param>
/// <param name="Answered">False when the bot said the documents do not answer it.</param>
/// <param name="HelpfulVotes">"Helpful" votes on its answer.</param>
/// <param name="NotHelpfulVotes">"Not helpful" votes on its answer.</param>
/// <param name="AskedAt">When it was asked (UTC).</param>
public sealed record WeakAsk(string Question, string Channel, bool Answered, int HelpfulVotes, int NotHelpfulVotes, DateTimeOffset AskedAt);
