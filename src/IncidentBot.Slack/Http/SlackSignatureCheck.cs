namespace IncidentBot.Slack.Http;

/// <summary>The outcome of checking a request's Slack signature; anything but <see cref="Valid"/> is a 401.</summary>
public enum SlackSignatureCheck
{
    Valid,

    /// <summary>X-Slack-Signature or X-Slack-Request-Timestamp is missing.</summary>
    Missing,

    /// <summary>Not <c>v0=</c> + 64 hex characters, or the timestamp is not a number.</summary>
    Malformed,

    /// <summary>Older (or newer) than five minutes: a possible replay.</summary>
    Stale,

    /// <summary>Well-formed but not made with our signing secret over this body.</summary>
    Mismatch,
}
