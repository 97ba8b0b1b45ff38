namespace IncidentBot.Discord;

/// <summary>Discord settings (configuration section <c>Discord</c>). Secrets come from environment variables or
/// <c>/run/secrets</c>, never from <c>appsettings.json</c>.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>Bot token (developer portal → Bot). Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Application id (a snowflake): command registration and interaction webhooks.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Application public key (64 hex characters): verifies signed HTTP interactions.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Register commands in this server only: they appear at once (global ones can take a while).</summary>
    public string? GuildId { get; set; }

    /// <summary>Gateway when a token is set, otherwise Off, unless given.</summary>
    public DiscordMode? Mode { get; set; }

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Total shards; when unset, the count Discord recommends in <c>GET /gateway/bot</c>.</summary>
    public int? ShardCount { get; set; }

    /// <summary>The shards this process runs (all when unset), so large deployments split shards across processes.</summary>
    public IList<int> ShardIds { get; } = [];

    /// <summary>User ids allowed to run admin commands wherever they are, besides server managers.</summary>
    public IList<string> AdminUserIds { get; } = [];

    /// <summary>Answer privately unless the asker says otherwise.</summary>
    public bool EphemeralByDefault { get; set; }

    /// <summary>Questions one user may ask per <see cref="QuestionWindowSeconds"/> (0 = unlimited).</summary>
    public int QuestionsPerWindow { get; set; } = 5;

    public int QuestionWindowSeconds { get; set; } = 30;

    /// <summary>Retries of a REST call after a server error or a network fault.</summary>
    public int RestRetries { get; set; } = 3;

    /// <summary>First retry delay; doubled per attempt, with jitter.</summary>
    public int RestRetryDelayMs { get; set; } = 1000;

    /// <summary>Interactions answered at the same time (gateway mode); each holds a worker until Discord took the reply.</summary>
    public int InteractionWorkers { get; set; } = 16;

    /// <summary>Register the slash commands at start-up (only when their definition changed).</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>The mode in effect: <see cref="Mode"/>, else Gateway when a token is set, else Off.</summary>
    public DiscordMode EffectiveMode => Mode ?? (string.IsNullOrWhiteSpace(Token) ? DiscordMode.Off : DiscordMode.Gateway);
}
