namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// FIFO of scripted responses: the first entry whose method and path fragment match a request is used
/// (once) instead of the normal route, so a test can inject 429s, 5xx or any Discord error.
/// </summary>
internal sealed class ScriptedResponses
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _pending = [];

    public void Enqueue(string method, string pathContains, int status, string body, IDictionary<string, string>? headers)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pathContains);
        var copy = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        lock (_gate)
        {
            _pending.Add(new Entry(method, pathContains, status, body ?? string.Empty, copy));
        }
    }

    public Entry? TakeMatch(string method, string path)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(e =>
                string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase)
                && path.Contains(e.PathContains, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var entry = _pending[index];
            _pending.RemoveAt(index);
            return entry;
        }
    }

    /// <summary>One scripted response.</summary>
    internal sealed record Entry(
        string Method,
        string PathContains,
        int Status,
        string Body,
        IReadOnlyDictionary<string, string> Headers);
}
