using System.Diagnostics.CodeAnalysis;

namespace IncidentBot.Core.Answers;

/// <summary>An answer, or why the question could not be asked (empty, too long, no index yet).</summary>
public sealed record AskResult(Answer? Answer, string? Error)
{
    [MemberNotNullWhen(true, nameof(Answer))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Answer is not null;

    public static AskResult Success(Answer answer) => new(answer, null);

    public static AskResult Failure(string error) => new(null, error);
}
