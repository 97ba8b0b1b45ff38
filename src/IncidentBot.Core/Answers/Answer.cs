using System.Text.Json.Serialization;

namespace IncidentBot.Core.Answers;

/// <summary>
/// The chat-neutral reply to a question, rendered by every front end (CLI, HTTP, Discord, Slack).
/// When <see cref="Answered"/> is false, <see cref="Text"/> is null, <see cref="Message"/> says why, and
/// <see cref="Citations"/> are the closest passages, never to be presented as an answer.
/// </summary>
public sealed record Answer(
    string Question,
    bool Answered,
    [property: JsonPropertyName("answer")] string? Text,
    string? Message,
    IReadOnlyList<Citation> Citations,
    double ElapsedMs)
{
    /// <summary>Matched words in <see cref="Text"/>.</summary>
    public IReadOnlyList<TextSpan> Highlights { get; init; } = [];

    /// <summary>
    /// Estimated chance (0-1) that the best sentence answers the question, from how much of the question its
    /// paragraph holds and how far it leads the next candidate; 0 when nothing matched. Calibrated on held-out
    /// questions: of answers at 0.8, about 8 in 10 are right.
    /// </summary>
    public double Confidence { get; init; }

    /// <summary>Question words the documents never use, with the nearest words they do ("did you mean").</summary>
    public IReadOnlyList<SpellingSuggestion> DidYouMean { get; init; } = [];
}
