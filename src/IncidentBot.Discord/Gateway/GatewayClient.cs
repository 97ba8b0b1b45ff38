using System.Net;
using IncidentBot.Core.Health;
using IncidentBot.Core.Telemetry;
using IncidentBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Gateway;

/// <summary>
/// Runs this process's shards: asks <c>GET /gateway/bot</c> for the URL, the recommended shard count and the
/// identify concurrency, then keeps one connection per shard (all shards, or <c>Discord:ShardIds</c>, so big
/// deployments can split shards across processes). Returns when a shard hits a fatal close code.
/// </summary>
public sealed partial class GatewayClient
{
    private readonly DiscordRestClient _rest;
    private readonly DiscordOptions _options;
    private readonly IGatewayEventSink _sink;
    private readonly GatewayTimings _timings;
    private readonly TimeProvider _time;
    private readonly Func<IGatewayTransport> _transports;
    private readonly ILogger<GatewayClient> _logger;
    private readonly IncidentBotMetrics? _metrics;
    private readonly ConnectionHealth? _health;

    public GatewayClient(
        DiscordRestClient rest,
        IOptions<DiscordOptions> options,
        IGatewayEventSink sink,
        GatewayTimings timings,
        TimeProvider time,
        ILogger<GatewayClient> logger,
        Func<IGatewayTransport>? transports = null,
        IncidentBotMetrics? metrics = null,
        ConnectionHealth? health = null)
    {
        _rest = rest;
        _options = options.Value;
        _sink = sink;
        _timings = timings;
        _time = time;
        _logger = logger;
        _transports = transports ?? (() => new WebSocketGatewayTransport());
        _metrics = metrics;
        _health = health;
    }

    /// <summary>The shards this process runs, once started.</summary>
    public IReadOnlyList<ShardRunner> Shards { get; private set; } = [];

    /// <summary>Runs the shards until a fatal error (returned) or cancellation (thrown).</summary>
    public async Task<GatewayRunResult> RunAsync(CancellationToken ct)
    {
        var (info, error) = await GetGatewayAsync(ct).ConfigureAwait(false);
        if (info is null)
        {
            _health?.Report("discord.gateway", ConnectionState.Failed, error);
            return new GatewayRunResult(true, error!);
        }

        if (!Uri.TryCreate(info.Url, UriKind.Absolute, out var gatewayUrl) || (gatewayUrl.Scheme != "wss" && gatewayUrl.Scheme != "ws"))
        {
            return new GatewayRunResult(true, $"GET /gateway/bot returned an unusable gateway URL: {info.Url}");
        }

        var count = _options.ShardCount ?? Math.Max(1, info.Shards);
        var ids = _options.ShardIds.Count > 0 ? _options.ShardIds.Order().ToList() : Enumerable.Range(0, count).ToList();
        var maxConcurrency = Math.Max(1, info.SessionStartLimit?.MaxConcurrency ?? 1);
        LogStarting(ids.Count, count, maxConcurrency, info.SessionStartLimit?.Remaining);

        using var gate = new IdentifyGate(maxConcurrency, _timings.IdentifyWindow, _time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Shards = ids.Select(id => new ShardRunner(new ShardContext(id, count, _options.Token!, gate, _sink, _timings, _time) { Metrics = _metrics, Health = _health }, _transports, _logger)).ToList();
        var tasks = Shards.Select(shard => shard.RunAsync(gatewayUrl, cts.Token)).ToList();

        // A shard's task ends only on a fatal close (or a bug): then the whole bot stops, so an orchestrator notices.
        var first = await Task.WhenAny(tasks).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        ct.ThrowIfCancellationRequested();
        var end = await first.ConfigureAwait(false);
        var shardId = ids[tasks.IndexOf(first)];
        return new GatewayRunResult(true, $"shard {shardId} closed with {end.CloseCode}: {end.Reason}");
    }

    private async Task<(GatewayBotInfo? Info, string? Error)> GetGatewayAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await _rest.GetGatewayBotAsync(ct).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                return (result.Value, null);
            }

            if (result.Result.Status == HttpStatusCode.Unauthorized)
            {
                return (null, "Discord rejected the token (401 on GET /gateway/bot): check Discord:Token");
            }

            var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(attempt, 6))));
            LogGatewayUnavailable(result.Result.ToString(), delay.TotalSeconds);
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting {Shards} of {ShardCount} Discord shards (identify concurrency {MaxConcurrency}, identifies left today {Remaining})")]
    private partial void LogStarting(int shards, int shardCount, int maxConcurrency, int? remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET /gateway/bot failed ({Error}); retrying in {Seconds} s")]
    private partial void LogGatewayUnavailable(string error, double seconds);
}
