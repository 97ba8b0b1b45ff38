using System.Globalization;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>Outcome of trying to post to a response URL.</summary>
internal enum ResponseUrlUse
{
    Accepted,
    Unknown,
    Expired,
    UsedUp,
}

/// <summary>
/// The response URLs the fake handed out, each usable "up to 5 times within 30 minutes of the user's
/// invocation" (PROTOCOLS.md §7.1). Only accepted posts count as uses.
/// </summary>
internal sealed class ResponseUrlBook
{
    public const int MaxUses = 5;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byPath = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>A fresh path like <c>/hooks/commands/T111/1/96rGlfmibIGlgcZRskXaIFfN</c>.</summary>
    public string Issue(string kind, string teamId, DateTimeOffset now)
    {
        var number = Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        var path = $"/hooks/{kind}/{teamId}/{number}/{SlackPayloads.Secret()}";
        lock (_gate)
        {
            _byPath[path] = new Entry(now);
        }

        return path;
    }

    /// <summary>Checks the path may be posted to now, without using it up.</summary>
    public ResponseUrlUse Check(string path, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_byPath.TryGetValue(path, out var entry))
            {
                return ResponseUrlUse.Unknown;
            }

            if (now - entry.IssuedAt > Lifetime)
            {
                return ResponseUrlUse.Expired;
            }

            return entry.Uses >= MaxUses ? ResponseUrlUse.UsedUp : ResponseUrlUse.Accepted;
        }
    }

    /// <summary>Counts one accepted post; false when it was used up meanwhile.</summary>
    public bool TryUse(string path)
    {
        lock (_gate)
        {
            if (!_byPath.TryGetValue(path, out var entry) || entry.Uses >= MaxUses)
            {
                return false;
            }

            entry.Uses++;
            return true;
        }
    }

    private sealed class Entry(DateTimeOffset issuedAt)
    {
        public DateTimeOffset IssuedAt { get; } = issuedAt;

        public int Uses { get; set; }
    }
}
