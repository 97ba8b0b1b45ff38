using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>One captured log line.</summary>
internal sealed record LogLine(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? string.Empty : " (" + Exception.GetType().Name + ")")}";
}

/// <summary>An <see cref="ILoggerProvider"/> that keeps every line in memory, so tests can assert on logs.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<LogLine> _lines = [];

    public IReadOnlyList<LogLine> Lines
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

    private void Add(LogLine line)
    {
        lock (_gate)
        {
            _lines.Add(line);
        }
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            owner.Add(new LogLine(logLevel, category, formatter(state, exception), exception));
        }
    }
}
