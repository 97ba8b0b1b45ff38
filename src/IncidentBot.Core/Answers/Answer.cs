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

    /// <summary>Question words the documents never use, with the nearest words they do ("did you mean").</summary>
    public IReadOnlyList<SpellingSuggestion> DidYouMean { get; init; } = [];
}
