using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Tests.Integration.Rest;

/// <summary>
/// Keeps every log line written through the test's service provider: the formatted message, each structured
/// value, scopes and exceptions, so a test can prove a secret never reaches any logging sink.
/// </summary>
internal sealed class RestLogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>The lines that contain <paramref name="secret"/> anywhere.</summary>
    public IReadOnlyList<string> LinesContaining(string secret) =>
        [.. _lines.Where(l => l.Contains(secret, StringComparison.Ordinal))];

    private static string Describe(object? state)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            return string.Join(" | ", values.Select(v => $"{v.Key}={v.Value}"));
        }

        return state?.ToString() ?? string.Empty;
    }

    private sealed class Logger(RestLogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner._lines.Enqueue($"Scope {category}: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{Describe(state)}] {exception}");
        }
    }
}
