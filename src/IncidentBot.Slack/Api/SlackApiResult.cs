namespace IncidentBot.Slack.Api;

/// <summary>A Web API outcome: Slack says <c>{"ok": false, "error": "…"}</c> with HTTP 200, so errors are values.</summary>
/// <param name="Ok">True on success.</param>
/// <param name="Error">Slack's error code (<c>invalid_auth</c>, <c>ratelimited</c>…) or a transport fault.</param>
/// <param name="RetryAfter">From <c>Retry-After</c> on 429.</param>
public sealed record SlackApiResult(bool Ok, string? Error, TimeSpan? RetryAfter = null)
{
    /// <summary>Errors that a retry cannot fix: the token is wrong, revoked or of the wrong kind.</summary>
    public bool IsAuthError => Error is "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked" or "token_expired" or "not_allowed_token_type" or "missing_scope";
}
