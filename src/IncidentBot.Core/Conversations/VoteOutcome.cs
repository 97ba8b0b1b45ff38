namespace IncidentBot.Core.Conversations;

/// <summary>What <see cref="ConversationStore.RecordVoteAsync"/> did with a Helpful / Not-helpful vote.</summary>
public enum VoteOutcome
{
    /// <summary>The user's first vote on this answer was stored.</summary>
    Recorded,

    /// <summary>The user had voted the other way; the vote was flipped.</summary>
    Changed,

    /// <summary>The user had already voted the same way; nothing changed.</summary>
    Unchanged,

    /// <summary>No such question (never recorded, or purged after the retention period).</summary>
    UnknownAsk,

    /// <summary>The database could not be used; the failure was logged.</summary>
    StorageFailed,
}
