namespace IncidentBot.Core.Answers;

/// <summary>JSON body for a question that could not be asked (empty, too long, no index).</summary>
public sealed record AskError(string? Question, string Error);
