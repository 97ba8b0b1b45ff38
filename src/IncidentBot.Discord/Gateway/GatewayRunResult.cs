namespace IncidentBot.Discord.Gateway;

/// <summary>Why the gateway stopped: only fatal errors end it before shutdown.</summary>
/// <param name="Fatal">True when configuration must change (bad token, shards, intents).</param>
/// <param name="Reason">In words an operator can act on.</param>
public sealed record GatewayRunResult(bool Fatal, string Reason);
