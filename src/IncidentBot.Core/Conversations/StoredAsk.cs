namespace IncidentBot.Core.Conversations;

/// <summary>A question read back from the <see cref="ConversationStore"/> (e.g. for a "More sources" button).</summary>
/// <param name="Id">The id <see cref="ConversationStore.RecordAskAsync"/> returned.</param>
/// <param name="Channel">The front end it was asked through.</param>
/// <param name="Question">The question text as stored (at most 2000 characters).</param>
/// <param name="Answered">Whether the bot answered it.</param>
/// <param name="AskedAt">When it was recorded (UTC, millisecond precision).</param>
public sealed record StoredAsk(long Id, string Channel, string Question, bool Answered, DateTimeOffset AskedAt);
