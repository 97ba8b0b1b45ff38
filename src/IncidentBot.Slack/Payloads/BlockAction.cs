namespace IncidentBot.Slack.Payloads;

/// <summary>One clicked element: our <c>action_id</c> says what, <c>value</c> carries the stored question's id.</summary>
public sealed record BlockAction(string ActionId, string? Value, string? BlockId);
