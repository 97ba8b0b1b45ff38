using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Resilience;

/// <summary>One log call as a log collector could see it.</summary>
/// <param name="Level">The entry's level.</param>
/// <param name="Category">The logger's category (usually a type name).</param>
/// <param name="Message">The formatted message alone.</param>
/// <param name="Text">
/// Everything a structured sink may write: the formatted message, every state value, every active scope
/// and the whole exception (type, message, stack, inner exceptions).
/// </param>
internal sealed record CapturedLog(LogLevel Level, string Category, string Message, string Text)
{
    public override string ToString() => $"{Level} {Category}: {Text}";
}

/// <summary>
/// A logger provider that keeps all of each entry, not just the message (<see cref="Support.LogCapture"/> keeps
/// the formatted message only, which leaves out exceptions, structured values and scopes).
/// </summary>
internal sealed class FullLogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void AppendValues(StringBuilder text, object? state)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                text.Append(" | ").Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }
    }

    private sealed class Logger(FullLogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var message = formatter(state, exception);
            var text = new StringBuilder(message);
            AppendValues(text, state);
            owner._scopes.ForEachScope(
                (scope, builder) =>
                {
                    builder.Append(" | scope: ").Append(Convert.ToString(scope, CultureInfo.InvariantCulture));
                    AppendValues(builder, scope);
                },
                text);
            if (exception is not null)
            {
                text.Append(" | exception: ").Append(exception);
            }

            owner._entries.Enqueue(new CapturedLog(logLevel, category, message, text.ToString()));
        }
    }
}
