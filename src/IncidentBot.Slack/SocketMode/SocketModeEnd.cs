namespace IncidentBot.Slack.SocketMode;

/// <summary>Why a Socket Mode connection is ending.</summary>
/// <param name="Requested">Slack sent <c>disconnect</c>: open the next connection before dropping this one.</param>
/// <param name="Reason">Slack's reason (<c>refresh_requested</c>, <c>warning</c>, <c>too_many_websockets</c>, <c>link_disabled</c>) or the drop.</param>
public sealed record SocketModeEnd(bool Requested, string Reason)
{
    /// <summary>Socket Mode was switched off for the app: reconnecting cannot help.</summary>
    public bool IsFatal => Reason == "link_disabled";
}
