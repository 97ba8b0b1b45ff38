namespace IncidentBot.Discord.Commands;

/// <summary>Outcome of <see cref="CommandRegistrar.RegisterAsync"/>.</summary>
/// <param name="Status">Registered, unchanged or failed.</param>
/// <param name="Scope">"global" or "server {id}".</param>
/// <param name="Commands">How many commands the definition holds.</param>
/// <param name="Error">Discord's answer when it failed.</param>
public sealed record CommandRegistration(CommandRegistrationStatus Status, string Scope, int Commands, string? Error = null)
{
    /// <summary>True for failures that may pass by themselves (Discord unreachable, 5xx).</summary>
    public bool Retryable { get; init; }
}
