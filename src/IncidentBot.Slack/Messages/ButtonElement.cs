namespace IncidentBot.Slack.Messages;

/// <summary>A button (text ≤ 75, action_id ≤ 255, value ≤ 2000 characters).</summary>
public sealed record ButtonElement(TextObject Text, string ActionId, string? Value)
{
    public string Type { get; init; } = "button";

    /// <summary>null (default), <c>primary</c> or <c>danger</c>.</summary>
    public string? Style { get; init; }
}
