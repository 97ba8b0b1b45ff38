using IncidentBot.Core.Health;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Gateway;

/// <summary>
/// Keeps one shard connected: runs connections one after another, resuming or starting a new session as each
/// one's end requires, with exponential backoff and jitter (capped) between failed attempts. Returns only on a
/// fatal close code; cancellation stops it.
/// </summary>
public sealed partial class ShardRunner
{
    private const int MaxResumeConnectFailures = 3;

    private readonly ShardContext _shard;
    private readonly Func<IGatewayTransport> _transports;
    private readonly ILogger _logger;

    public ShardRunner(ShardContext shard, Func<IGatewayTransport> transports, ILogger logger)
    {
        _shard = shard;
        _transports = transports;
        _logger = logger;
    }

    public GatewaySession Session { get; } = new();

    /// <summary>Runs until a fatal close (returned) or cancellation (thrown).</summary>
    public async Task<GatewayDisconnect> RunAsync(Uri gatewayUrl, CancellationToken ct)
    {
        var failures = 0;
        var resumeConnectFailures = 0;
        _shard.Report(ConnectionState.Connecting);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            GatewayDisconnect end;
            try
            {
                var transport = _transports();
                await using (transport.ConfigureAwait(false))
                {
                    using var connection = new GatewayConnection(transport, _shard, Session, _logger);
                    end = await connection.RunAsync(gatewayUrl, ct).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // A bug or an I/O surprise in one connection must not end the shard: drop it and start over.
                LogConnectionFailed(ex, _shard.ShardId);
                end = new GatewayDisconnect(GatewayCloseAction.NewSession, $"connection failed: {ex.GetType().Name}");
            }

            if (end.Action == GatewayCloseAction.Fatal)
            {
                _shard.Report(ConnectionState.Failed, $"closed with {end.CloseCode}: {end.Reason}");
                LogFatal(_shard.ShardId, end.CloseCode, end.Reason);
                return end;
            }

            // A resume URL that cannot be reached at all is given up after a few tries: identify on the main URL.
            resumeConnectFailures = end.ConnectFailed && Session.CanResume ? resumeConnectFailures + 1 : 0;
            if (end.Action == GatewayCloseAction.NewSession || resumeConnectFailures >= MaxResumeConnectFailures)
            {
                Session.Clear();
                resumeConnectFailures = 0;
            }

            failures = end.Established && end.Duration >= _shard.Timings.StableAfter ? 0 : failures + 1;
            var delay = end.Delay ?? (end.Immediate ? TimeSpan.Zero : Backoff(failures));
            _shard.Report(ConnectionState.Reconnecting, end.Reason);
            _shard.Metrics?.Reconnecting("discord");
            LogReconnecting(_shard.ShardId, end.Reason, Session.CanResume ? "resume" : "identify", delay.TotalSeconds);
            await Task.Delay(delay, _shard.Time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Base × 2^(n−1), capped, then "equal jitter": a random point in the upper half, [step/2, step]. Never above the
    /// cap (1 s … 60 s with the defaults), and shards that all reached the cap still reconnect at different times.
    /// </summary>
    internal TimeSpan Backoff(int failures)
    {
        var timings = _shard.Timings;
        var exponent = Math.Clamp(failures - 1, 0, 16);
        var raw = timings.BackoffBase * Math.Pow(2, exponent);
        var step = raw < timings.BackoffCap ? raw : timings.BackoffCap;
        return step * (0.5 + (0.5 * _shard.Jitter()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord shard {ShardId} disconnected ({Reason}); will {Next} in {Seconds:0.0} s")]
    private partial void LogReconnecting(int shardId, string reason, string next, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord shard {ShardId}: the connection failed unexpectedly; starting a new session")]
    private partial void LogConnectionFailed(Exception ex, int shardId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord shard {ShardId} closed with {CloseCode}: {Reason}. Not reconnecting: fix the configuration and restart")]
    private partial void LogFatal(int shardId, int? closeCode, string reason);
}
