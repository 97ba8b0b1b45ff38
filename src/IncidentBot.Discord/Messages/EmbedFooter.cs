namespace IncidentBot.Discord.Messages;

/// <summary>An embed footer (≤ 2048 characters).</summary>
public sealed record EmbedFooter(string Text);
