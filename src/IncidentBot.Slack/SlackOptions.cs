namespace IncidentBot.Slack;

/// <summary>Slack settings (configuration section <c>Slack</c>). Tokens and the signing secret come from environment
/// variables or <c>/run/secrets</c>, never from <c>appsettings.json</c>.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Bot token (<c>xoxb-…</c>): checked with <c>auth.test</c> at start-up. Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (<c>xapp-…</c>, scope <c>connections:write</c>): enables Socket Mode. Never logged.</summary>
    public string? AppToken { get; set; }

    /// <summary>Signing secret: enables the HTTP endpoints <c>/slack/commands</c> and <c>/slack/interactions</c>.</summary>
    public string? SigningSecret { get; set; }

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Slack user ids (<c>U…</c>/<c>W…</c>) allowed to reindex and to read the gaps report.</summary>
    public IList<string> AdminUserIds { get; } = [];

    /// <summary>Answers only the asker sees, with a "Share in channel" button (Slack's own default for commands).</summary>
    public bool EphemeralByDefault { get; set; } = true;

    public string AskCommand { get; set; } = "/ask";

    public string SourcesCommand { get; set; } = "/incident-sources";

    /// <summary>For everyone: the dated events of the documents in date order (optional text: an as-of date, YYYY-MM-DD).</summary>
    public string TimelineCommand { get; set; } = "/incident-timeline";

    public string ReindexCommand { get; set; } = "/incident-reindex";

    /// <summary>Admins only: the questions the documents do not answer well (optional text: days back).</summary>
    public string GapsCommand { get; set; } = "/incident-gaps";

    /// <summary>Questions one user may ask per <see cref="QuestionWindowSeconds"/> (0 = unlimited).</summary>
    public int QuestionsPerWindow { get; set; } = 5;

    public int QuestionWindowSeconds { get; set; } = 30;

    /// <summary>True when an app token is set: Socket Mode runs.</summary>
    public bool SocketModeEnabled => !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>True when a signing secret is set: the HTTP endpoints answer.</summary>
    public bool HttpEnabled => !string.IsNullOrWhiteSpace(SigningSecret);
}
