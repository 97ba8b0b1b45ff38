namespace IncidentBot.Discord;

/// <summary>How Discord delivers interactions to the bot. The two delivery modes are exclusive in Discord itself:
/// setting an Interactions Endpoint URL in the developer portal switches the app to HTTP delivery.</summary>
public enum DiscordMode
{
    /// <summary>No Discord front end.</summary>
    Off,

    /// <summary>A gateway WebSocket per shard; replies go to the REST callback endpoint.</summary>
    Gateway,

    /// <summary>Discord POSTs signed interactions to <c>/discord/interactions</c>.</summary>
    Http,
}
