namespace IncidentBot.Slack.SocketMode;

/// <summary>Why Socket Mode stopped before shutdown: the app token was refused, or Socket Mode was switched off.</summary>
public sealed record SocketModeRunResult(string Reason);
