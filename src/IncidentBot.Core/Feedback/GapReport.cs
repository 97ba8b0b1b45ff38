namespace IncidentBot.Core.Feedback;

/// <summary>The most frequent questions the documents did not serve well over the last <see cref="Days"/> days.</summary>
/// <param name="Days">The window.</param>
/// <param name="Since">Its start (UTC).</param>
/// <param name="WeakQuestions">Unanswered or "Not helpful" questions in the window.</param>
/// <param name="Gaps">Those questions grouped by shared words, largest group first (at most the requested number).</param>
public sealed record GapReport(int Days, DateTimeOffset Since, int WeakQuestions, IReadOnlyList<QuestionGap> Gaps);
