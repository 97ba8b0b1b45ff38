namespace IncidentBot.Hosting;

/// <summary>
/// Set by a hosted service that stops the host because of an error an operator must fix (a rejected Discord
/// token), so the process exits non-zero and an orchestrator notices instead of seeing a clean stop.
/// </summary>
internal sealed class ServiceExitCode
{
    private volatile string? _failure;

    public string? Failure => _failure;

    public void Fail(string reason) => _failure ??= reason;
}
