using System.Globalization;
using System.Net;
using System.Text;
using IncidentBot.Core.Health;
using IncidentBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Rest;

/// <summary>
/// Keeps the bot inside Discord's REST limits: waits while a route's bucket is empty
/// (<c>X-RateLimit-Remaining: 0</c> until <c>X-RateLimit-Reset-After</c>), honours 429 answers (per route, or
/// for every route when <c>global</c>) by waiting <c>retry_after</c> and trying again, and stops sending after
/// repeated 401/403: Discord's edge bans clients that make 10,000 invalid requests in 10 minutes, and a bad
/// token does not get better by retrying.
/// </summary>
/// <remarks>Sits inside the retry handler, so every attempt passes through it. Routes are keyed by the full
/// path (the interaction token is a route's major parameter); the key never reaches logs.</remarks>
public sealed partial class DiscordRateLimitHandler : DelegatingHandler
{
    /// <summary>Consecutive 401/403 answers after which nothing more is sent until restart.</summary>
    public const int InvalidRequestLimit = 5;

    /// <summary>The name this sender reports under in <see cref="ConnectionHealth"/>.</summary>
    public const string HealthName = "discord.rest";

    /// <summary>429 answers to one request after which it is given up.</summary>
    public const int RateLimitRetries = 3;

    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private readonly DiscordRateLimitState _state;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRateLimitHandler> _logger;
    private readonly IncidentBotMetrics? _metrics;
    private readonly ConnectionHealth? _health;

    /// <param name="state">Shared by every handler instance: the HTTP client factory recycles handlers, the limits stay.</param>
    /// <param name="time">Clock for bucket resets.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="metrics">Counts 429 answers.</param>
    /// <param name="health">Told when the sender stops for good (readiness).</param>
    public DiscordRateLimitHandler(
        DiscordRateLimitState state,
        TimeProvider time,
        ILogger<DiscordRateLimitHandler> logger,
        IncidentBotMetrics? metrics = null,
        ConnectionHealth? health = null)
    {
        _state = state;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _health = health;
    }


    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        for (var attempt = 0; ; attempt++)
        {
            if (_state.Stopped)
            {
                return Refused(request);
            }

            await WaitForBucketAsync(key, IsInteractionRoute(request), cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            if (ReadResetAfter(response, "X-RateLimit-Remaining") is { } emptyFor)
            {
                _state.BlockedUntil[key] = now + emptyFor;
            }

            TrackInvalid(request, response);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= RateLimitRetries)
            {
                Prune(now);
                return response;
            }

            var retryAfter = await ReadRetryAfterAsync(response, cancellationToken).ConfigureAwait(false);
            var global = retryAfter.Global;
            _state.BlockedUntil[key] = now + retryAfter.Delay;
            if (global)
            {
                _state.GlobalBlockedUntil = now + retryAfter.Delay;
            }

            LogRateLimited(request.Method, DiscordRestClient.RoutePath(request), retryAfter.Delay.TotalSeconds, global);
            _metrics?.UpstreamRateLimited("discord", global ? "global" : "route");
            response.Dispose();
        }
    }

    private async Task WaitForBucketAsync(string key, bool interactionRoute, CancellationToken ct)
    {
        var now = _time.GetUtcNow();

        // Interaction routes are exempt from the global limit (Discord docs: rate-limits, receiving-and-responding).
        var until = interactionRoute ? DateTimeOffset.MinValue : _state.GlobalBlockedUntil;
        if (_state.BlockedUntil.TryGetValue(key, out var routeUntil) && routeUntil > until)
        {
            until = routeUntil;
        }

        var wait = until - now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait < MaxWait ? wait : MaxWait, _time, ct).ConfigureAwait(false);
        }
    }

    private void TrackInvalid(HttpRequestMessage request, HttpResponseMessage response)
    {
        // Interaction routes authenticate with the interaction's own token, which expires after 15 minutes:
        // a 401 there says nothing about the bot token, so only bot-token routes count towards stopping.
        if (IsInteractionRoute(request))
        {
            return;
        }

        if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
        {
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Exchange(ref _state.InvalidInARow, 0);
            }

            return;
        }

        if (Interlocked.Increment(ref _state.InvalidInARow) >= InvalidRequestLimit && !_state.Stopped)
        {
            _state.Stopped = true;
            _health?.Report(HealthName, ConnectionState.Failed, $"stopped after {InvalidRequestLimit} answers of 401/403 in a row: check Discord:Token and the bot's permissions, then restart");
            LogStopped(InvalidRequestLimit, (int)response.StatusCode, request.Method, DiscordRestClient.RoutePath(request));
        }
    }

    private static bool IsInteractionRoute(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        return path.Contains("/interactions/", StringComparison.Ordinal) || path.Contains("/webhooks/", StringComparison.Ordinal);
    }

    private static HttpResponseMessage Refused(HttpRequestMessage request) => new(HttpStatusCode.Unauthorized)
    {
        RequestMessage = request,
        Content = new StringContent(
            "{\"message\":\"Not sent: the bot stopped calling Discord after repeated 401/403 answers (check Discord:Token and the bot's permissions, then restart).\",\"code\":0}",
            Encoding.UTF8,
            "application/json"),
    };

    private static TimeSpan? ReadResetAfter(HttpResponseMessage response, string remainingHeader)
    {
        if (!response.Headers.TryGetValues(remainingHeader, out var remaining) || remaining.FirstOrDefault() != "0")
        {
            return null;
        }

        return ParseSeconds(response, "X-RateLimit-Reset-After");
    }

    private static async Task<(TimeSpan Delay, bool Global)> ReadRetryAfterAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = DiscordErrorBody.Parse(await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false));
        var global = body.Global || (response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase)));

        // The body's retry_after has decimals; Retry-After is whole seconds; fall back to one second.
        var delay = body.RetryAfter is { } seconds && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : ParseSeconds(response, "Retry-After") ?? TimeSpan.FromSeconds(1);
        return (delay < MaxWait ? delay : MaxWait, global);
    }

    private static TimeSpan? ParseSeconds(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds >= 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, MaxWait.TotalSeconds))
            : null;

    /// <summary>Every interaction token is its own route: forget buckets once they have reset.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_state.BlockedUntil.Count < 256)
        {
            return;
        }

        foreach (var (key, until) in _state.BlockedUntil)
        {
            if (until <= now)
            {
                _state.BlockedUntil.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limit on {Method} {Route}: waiting {Seconds} s (global: {Global})")]
    private partial void LogRateLimited(HttpMethod method, string route, double seconds, bool global);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopped calling Discord after {Count} answers of 401/403 in a row (last: {Status} on {Method} {Route}): check Discord:Token and the bot's permissions, then restart")]
    private partial void LogStopped(int count, int status, HttpMethod method, string route);
}
