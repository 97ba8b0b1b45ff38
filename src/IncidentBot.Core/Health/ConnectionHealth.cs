using System.Collections.Concurrent;

namespace IncidentBot.Core.Health;

/// <summary>
/// What each chat connection last reported, for <c>/readyz</c>. A connection that is configured but has failed
/// for good makes the service not ready; one that is reconnecting does not (the HTTP API and the other front
/// ends still answer, and the drop is usually over in seconds).
/// </summary>
public sealed class ConnectionHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ConnectionStatus> _connections = new(StringComparer.Ordinal);

    /// <summary>Every connection reported so far, by name.</summary>
    public IReadOnlyList<ConnectionStatus> Connections => [.. _connections.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>The connections that failed for good; empty when every configured connection can still work.</summary>
    public IReadOnlyList<ConnectionStatus> Failed => [.. Connections.Where(c => c.State == ConnectionState.Failed)];

    /// <summary>Records a state; repeating the current state keeps its <see cref="ConnectionStatus.Since"/>.</summary>
    public void Report(string name, ConnectionState state, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _connections.AddOrUpdate(
            name,
            (key, now) => new ConnectionStatus(key, state, detail, now),
            (key, current, now) => current.State == state ? current with { Detail = detail } : new ConnectionStatus(key, state, detail, now),
            time.GetUtcNow());
    }
}
