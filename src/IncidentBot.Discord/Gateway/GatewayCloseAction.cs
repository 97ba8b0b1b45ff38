namespace IncidentBot.Discord.Gateway;

/// <summary>What to do after a gateway connection ends.</summary>
public enum GatewayCloseAction
{
    /// <summary>Reconnect to <c>resume_gateway_url</c> and Resume the session.</summary>
    Resume,

    /// <summary>Reconnect to the gateway URL and Identify afresh.</summary>
    NewSession,

    /// <summary>Do not reconnect: configuration must change (bad token, shards, intents, API version).</summary>
    Fatal,
}
