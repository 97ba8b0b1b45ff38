using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Timeline;

/// <summary>A date expression found in a text and the period it was resolved to.</summary>
/// <param name="When">The resolved day, month or year.</param>
/// <param name="Span">Where the expression is in the text, with its leading preposition ("on Friday", "in May").</param>
/// <param name="IsRelative">
/// True when the period was worked out from the document's date ("on Thursday", "in May", "November 4");
/// false for self-contained dates ("November 1, 2019", "2019-11-01", "in 2019").
/// </param>
public sealed record DateMention(TimelineDate When, TextSpan Span, bool IsRelative);
