namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// FIFO of scripted Web API answers per method (e.g. <c>apps.connections.open</c>): the next call of that
/// method gets the first queued entry instead of its normal answer.
/// </summary>
internal sealed class ScriptedApiReplies
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _pending = [];

    public void Enqueue(string method, int status, string error, int? retryAfterSeconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(error);
        lock (_gate)
        {
            _pending.Add(new Entry(method, status, error, retryAfterSeconds));
        }
    }

    public Entry? Take(string method)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(e => string.Equals(e.Method, method, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var entry = _pending[index];
            _pending.RemoveAt(index);
            return entry;
        }
    }

    /// <summary>One scripted answer: HTTP status and <c>{"ok":false,"error":Error}</c>, plus Retry-After when set.</summary>
    internal sealed record Entry(string Method, int Status, string Error, int? RetryAfterSeconds);
}
