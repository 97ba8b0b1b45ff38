namespace IncidentBot.Slack.Messages;

/// <summary>A horizontal rule.</summary>
public sealed record DividerBlock : SlackBlock;
