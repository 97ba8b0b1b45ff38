namespace IncidentBot.Slack.Messages;

/// <summary>A header: plain text, ≤ 150 characters.</summary>
public sealed record HeaderBlock(TextObject Text) : SlackBlock;
