using System.Text.Json.Serialization;
using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Evaluation;

/// <summary>
/// One line of an evaluation set: <c>{"question", "expect": [...]}</c> or <c>{"question", "answers": [...]}</c>,
/// optionally <c>"unanswerable": true</c>. A hit is an answer containing any expected phrase (case-insensitive).
/// </summary>
public sealed record EvalQuestion
{
    [JsonPropertyName("question")]
    public string? Question { get; init; }

    [JsonPropertyName("expect")]
    public IReadOnlyList<string>? Expect { get; init; }

    [JsonPropertyName("answers")]
    public IReadOnlyList<string>? Answers { get; init; }

    [JsonPropertyName("unanswerable")]
    public bool Unanswerable { get; init; }

    /// <summary>The phrases that make an answer right, whichever key the set uses.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ExpectedPhrases => [.. Expect ?? [], .. Answers ?? []];

    /// <summary>
    /// True when <paramref name="answer"/> gets this question right at hit@1: the answer sentence holds an
    /// expected phrase, or, for an unanswerable question, the bot abstained.
    /// </summary>
    public bool IsPassedBy(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Unanswerable ? !answer.Answered : answer.Answered && Mentions(answer.Text);
    }

    /// <summary>True when <paramref name="text"/> holds any expected phrase (case-insensitive).</summary>
    public bool Mentions(string? text) =>
        text is not null && ExpectedPhrases.Any(e => text.Contains(e, StringComparison.OrdinalIgnoreCase));
}
