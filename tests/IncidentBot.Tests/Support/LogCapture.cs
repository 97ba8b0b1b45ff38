using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Support;

/// <summary>
/// Keeps every formatted log line of a running service, so a test can wait until the service has done
/// something it only reports in its log (e.g. the index lifecycle gave up on its first attempt).
/// </summary>
internal sealed class LogCapture : ILoggerProvider
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Waits until a line containing <paramref name="fragment"/> was logged; fails the test after a bound.</summary>
    public async Task<string> WaitForAsync(string fragment)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        while (true)
        {
            var line = _lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No log line with \"{fragment}\" within {WaitTimeout}. Logged:\n{string.Join('\n', _lines)}");
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
        }
    }
}
