namespace IncidentBot.Core.Conversations;

/// <summary>A question asked through a chat front end, as handed to <see cref="ConversationStore.RecordAskAsync"/>.</summary>
/// <param name="Channel">The front end, e.g. <c>discord</c> or <c>slack</c>; part of the user hash.</param>
/// <param name="UserId">The chat platform's user id. Never stored: only a salted hash of it is.</param>
/// <param name="Question">The sanitized question text.</param>
/// <param name="Answered">False when the bot said the documents do not answer it.</param>
/// <param name="TopSource">Source of the best answer, when there was one.</param>
/// <param name="TopParagraph">Paragraph of the best answer within <paramref name="TopSource"/>.</param>
public sealed record AskRecord(string Channel, string UserId, string Question, bool Answered, string? TopSource, int? TopParagraph);
