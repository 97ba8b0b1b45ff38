using System.Diagnostics.CodeAnalysis;

namespace IncidentBot.Core.Answers;

/// <summary>Why a question could not be asked: each front end maps it to its own status or exit code.</summary>
public enum AskErrorKind
{
    /// <summary>Not an error.</summary>
    None,

    /// <summary>Empty or too long: the person must change the question.</summary>
    InvalidQuestion,

    /// <summary>No index is open yet: try again later.</summary>
    NotReady,
}

/// <summary>An answer, or why the question could not be asked (empty, too long, no index yet).</summary>
public sealed record AskResult(Answer? Answer, string? Error)
{
    public AskErrorKind ErrorKind { get; init; }

    [MemberNotNullWhen(true, nameof(Answer))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Answer is not null;

    public static AskResult Success(Answer answer) => new(answer, null);

    public static AskResult Failure(AskErrorKind kind, string error) => new(null, error) { ErrorKind = kind };
}
