using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.Tests.Integration;

/// <summary>One captured log line.</summary>
internal sealed record IntegrationLogLine(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() =>
        $"{Level} {Category}: {Message}{(Exception is null ? string.Empty : " (" + Exception.GetType().Name + ": " + Exception.Message + ")")}";
}

/// <summary>An <see cref="ILoggerProvider"/> that keeps every line in memory, so tests can wait for and assert on logs.</summary>
internal sealed class IntegrationLog : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<IntegrationLogLine> _lines = [];

    public IReadOnlyList<IntegrationLogLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>All lines, one per row, for assertion messages.</summary>
    public string Dump() => string.Join(Environment.NewLine, Lines.Select(l => "  " + l));

    /// <summary>True when some line's message contains <paramref name="fragment"/>.</summary>
    public bool Contains(string fragment) => Lines.Any(l => l.Message.Contains(fragment, StringComparison.Ordinal));

    /// <summary>The first line whose message contains <paramref name="fragment"/>, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<IntegrationLogLine> WaitForAsync(string fragment, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var line = Lines.FirstOrDefault(l => l.Message.Contains(fragment, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No log line with \"{fragment}\" within {timeout.TotalMilliseconds:0} ms. Logs:{Environment.NewLine}{Dump()}");
            }

            await Task.Delay(20);
        }
    }

    private void Add(IntegrationLogLine line)
    {
        lock (_gate)
        {
            _lines.Add(line);
        }
    }

    private sealed class Logger(IntegrationLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            owner.Add(new IntegrationLogLine(logLevel, category, formatter(state, exception), exception));
        }
    }
}
