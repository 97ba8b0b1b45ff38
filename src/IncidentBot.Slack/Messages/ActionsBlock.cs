namespace IncidentBot.Slack.Messages;

/// <summary>A row of buttons (up to 25 elements).</summary>
public sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements) : SlackBlock;
