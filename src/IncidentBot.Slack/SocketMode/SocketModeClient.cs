using IncidentBot.Core.Health;
using IncidentBot.Core.Telemetry;
using IncidentBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// Keeps a Socket Mode connection: a fresh single-use URL from <c>apps.connections.open</c> for every connection,
/// <c>hello</c> before use, and on Slack's <c>disconnect</c> (<c>refresh_requested</c>, <c>warning</c>…) the next
/// connection is opened before the old one is dropped, so no envelope goes unanswered. Drops reconnect with
/// exponential backoff and jitter. Returns only when reconnecting cannot help (token refused, Socket Mode off).
/// </summary>
public sealed partial class SocketModeClient
{
    /// <summary>This connection's name in <see cref="ConnectionHealth"/>.</summary>
    public const string HealthName = "slack.socket";

    /// <summary>A connection up this long counts as healthy: the next drop backs off from the start again.</summary>
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    private readonly SlackApiClient _api;
    private readonly SocketEnvelopeHandler _handler;
    private readonly SocketModeTimings _timings;
    private readonly TimeProvider _time;
    private readonly Func<ISocketModeTransport> _transports;
    private readonly ILogger<SocketModeClient> _logger;
    private readonly IncidentBotMetrics? _metrics;
    private readonly ConnectionHealth? _health;

    public SocketModeClient(
        SlackApiClient api,
        SocketEnvelopeHandler handler,
        SocketModeTimings timings,
        TimeProvider time,
        ILogger<SocketModeClient> logger,
        Func<ISocketModeTransport>? transports = null,
        IncidentBotMetrics? metrics = null,
        ConnectionHealth? health = null)
    {
        _api = api;
        _handler = handler;
        _timings = timings;
        _time = time;
        _logger = logger;
        _transports = transports ?? (() => new WebSocketSocketModeTransport());
        _metrics = metrics;
        _health = health;
    }

    /// <summary>Runs until a fatal condition (returned) or cancellation (thrown).</summary>
    public async Task<SocketModeRunResult> RunAsync(CancellationToken ct)
    {
        SocketModeConnection? previous = null;
        SocketModeConnection? current = null;
        var retiring = new List<Task>();
        var failures = 0;
        _health?.Report(HealthName, ConnectionState.Connecting);
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var (result, url) = await _api.OpenConnectionAsync(ct).ConfigureAwait(false);
                if (url is null)
                {
                    if (result.IsAuthError)
                    {
                        return Failed($"apps.connections.open refused the app token ({result.Error}): check Slack:AppToken");
                    }

                    await Task.Delay(result.RetryAfter ?? Backoff(++failures), _time, ct).ConfigureAwait(false);
                    continue;
                }

                var connection = new SocketModeConnection(_transports(), _handler, _logger);
                current = connection;
                var ready = await connection.OpenAsync(url, _timings.HelloTimeout, ct).ConfigureAwait(false);

                if (!ready)
                {
                    // An old connection Slack asked to drop keeps serving until a new one is up.
                    await connection.DisposeAsync().ConfigureAwait(false);
                    await Task.Delay(Backoff(++failures), _time, ct).ConfigureAwait(false);
                    continue;
                }

                // The old connection (after a disconnect request) stays until the envelopes it delivered are acked
                // on it (Slack ignores acks on another socket), it closes, or the overlap is over.
                if (previous is not null)
                {
                    retiring.RemoveAll(task => task.IsCompleted);
                    retiring.Add(RetireAsync(previous, _timings.Overlap, ct));
                    previous = null;
                }

                _health?.Report(HealthName, ConnectionState.Connected);
                LogConnected();
                var connectedAt = _time.GetUtcNow();
                var end = await connection.Ended.WaitAsync(ct).ConfigureAwait(false);

                // The backoff starts again only after a connection that lasted: one that drops right after hello
                // (a rejected link, too many replicas) must not reconnect every second forever.
                failures = _time.GetUtcNow() - connectedAt >= StableAfter ? 0 : failures;
                if (end.IsFatal)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    return Failed("Slack disabled Socket Mode for this app (link_disabled)");
                }

                if (end.Requested)
                {
                    previous = connection;
                    if (end.Reason == "too_many_websockets")
                    {
                        // Other processes use this app's connections: not something a quick retry fixes.
                        LogTooManyConnections();
                        await Task.Delay(Backoff(++failures), _time, ct).ConfigureAwait(false);
                    }

                    continue;
                }

                await connection.DisposeAsync().ConfigureAwait(false);
                var delay = Backoff(++failures);
                _health?.Report(HealthName, ConnectionState.Reconnecting, end.Reason);
                _metrics?.Reconnecting("slack");
                LogReconnecting(end.Reason, delay.TotalSeconds);
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var connection in new[] { previous, current }.OfType<SocketModeConnection>().Distinct())
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            await Task.WhenAll(retiring).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes a connection Slack asked to drop once the envelopes it brought are acked (Slack ignores acks on
    /// another socket), it closed by itself, or <paramref name="grace"/> is over.
    /// </summary>
    private async Task RetireAsync(SocketModeConnection connection, TimeSpan grace, CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + grace;
        try
        {
            while (connection.HasUnacked && !connection.Closed.IsCompleted && !ct.IsCancellationRequested && _time.GetUtcNow() < deadline)
            {
                await Task.WhenAny(connection.Closed, Task.Delay(TimeSpan.FromMilliseconds(20), ct)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Base × 2^(n−1), capped, with equal jitter: a random point in [step/2, step].</summary>
    internal TimeSpan Backoff(int failures)
    {
        var raw = _timings.BackoffBase * Math.Pow(2, Math.Clamp(failures - 1, 0, 16));
        var step = raw < _timings.BackoffCap ? raw : _timings.BackoffCap;
        return step * (0.5 + (0.5 * Math.Clamp(_timings.Random(), 0, 1)));
    }

    /// <summary>Gives up for good: readiness says so until an operator fixes the cause and restarts.</summary>
    private SocketModeRunResult Failed(string reason)
    {
        _health?.Report(HealthName, ConnectionState.Failed, reason);
        return new SocketModeRunResult(reason);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack closed a connection: too many open connections for this app (other replicas or processes use the same app token)")]
    private partial void LogTooManyConnections();

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connected")]
    private partial void LogConnected();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection lost ({Reason}); reconnecting in {Seconds:0.0} s")]
    private partial void LogReconnecting(string reason, double seconds);
}
