using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Conversations;

/// <summary>What became of a question asked in chat; each front end words the notices its own way.</summary>
public enum ChatAskStatus
{
    /// <summary>Answered (or honestly not answered) and recorded: <see cref="ChatAsk.Answer"/> is set.</summary>
    Answered,

    /// <summary>Empty or too long; <see cref="ChatAsk.Error"/> says why. Costs the person nothing.</summary>
    Invalid,

    /// <summary>Too many questions in the window; try again after <see cref="ChatAsk.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>No index is open yet.</summary>
    NotReady,
}

/// <summary>The outcome of asking through <see cref="ChatQuestions"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Answer">The answer, when <see cref="ChatAskStatus.Answered"/>.</param>
/// <param name="AskId">The stored question's id (buttons carry it), or null when storage failed.</param>
/// <param name="Error">Why the question was refused, when <see cref="ChatAskStatus.Invalid"/>.</param>
/// <param name="RetryAfter">When the person may ask again, when <see cref="ChatAskStatus.RateLimited"/>.</param>
public sealed record ChatAsk(ChatAskStatus Status, Answer? Answer, long? AskId, string? Error, TimeSpan RetryAfter)
{
    /// <summary>Whole seconds to wait, at least one, for a notice.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
