namespace IncidentBot.Slack.Messages;

/// <summary>Small grey text: up to 10 text elements.</summary>
public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : SlackBlock;
