using System.Globalization;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// Socket Mode URLs are single-use (PROTOCOLS.md §7.3): each <c>apps.connections.open</c> issues a ticket,
/// and the WebSocket endpoint accepts each ticket once.
/// </summary>
internal sealed class TicketBook
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _unused = new(StringComparer.Ordinal);
    private int _next = 12347; // The docs sample uses ticket=12348.

    public string Issue()
    {
        var ticket = Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _unused.Add(ticket);
        }

        return ticket;
    }

    /// <summary>True once per issued ticket.</summary>
    public bool TryRedeem(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return false;
        }

        lock (_gate)
        {
            return _unused.Remove(ticket);
        }
    }
}
