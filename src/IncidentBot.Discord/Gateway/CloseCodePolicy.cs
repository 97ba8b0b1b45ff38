namespace IncidentBot.Discord.Gateway;

/// <summary>Maps a gateway close code to an action (Discord docs: opcodes-and-status-codes, gateway close event codes).</summary>
public static class CloseCodePolicy
{
    public static GatewayCloseAction Classify(int? closeCode) => closeCode switch
    {
        // Reconnecting cannot fix these; a loop would burn the 1000-identifies-a-day budget (which resets the token).
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayCloseAction.Fatal,

        // Invalid sequence on resume, and session timed out: the session is gone.
        4007 or 4009 => GatewayCloseAction.NewSession,

        // 4000-4003, 4005, 4008, 1000/1001 from the server, other codes and drops without a close frame: resume
        // (resuming replays missed events and spends no identify; a dead session is answered with op 9).
        _ => GatewayCloseAction.Resume,
    };

    /// <summary>Why a fatal close happened, in words an operator can act on.</summary>
    public static string Describe(int? closeCode) => closeCode switch
    {
        4004 => "authentication failed: Discord:Token is wrong or was reset",
        4010 => "invalid shard: Discord:ShardIds / Discord:ShardCount do not fit",
        4011 => "sharding required: the bot is in too many servers for one shard; set Discord:ShardCount",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: a privileged intent is not enabled in the developer portal",
        4007 => "invalid sequence number on resume",
        4009 => "session timed out",
        4008 => "rate limited: too many gateway sends",
        4002 => "decode error: a payload Discord could not read",
        null => "connection dropped without a close frame",
        _ => $"close code {closeCode}",
    };
}
