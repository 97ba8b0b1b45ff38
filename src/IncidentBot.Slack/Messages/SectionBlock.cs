namespace IncidentBot.Slack.Messages;

/// <summary>A section: one text (≤ 3000 characters).</summary>
public sealed record SectionBlock(TextObject Text) : SlackBlock;
