namespace IncidentBot.Core.Health;

/// <summary>One chat connection's last reported state.</summary>
/// <param name="Name">"discord.shard.0", "slack.socket", …: stable, so monitoring can key on it.</param>
/// <param name="State">What it is doing.</param>
/// <param name="Detail">Why, in words (a close reason); never a token.</param>
/// <param name="Since">When it entered this state.</param>
public sealed record ConnectionStatus(string Name, ConnectionState State, string? Detail, DateTimeOffset Since);
