using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Puts Discord's per-route rate-limit headers on every REST response (rate-limits.mdx:L24-L45). Counts are
/// real (a fixed window per bucket and top-level resource) but never enforced: 429s are only scripted, so
/// tests stay deterministic. The window is short so clients that wait on <c>Remaining: 0</c> stay fast.
/// </summary>
internal sealed class RateLimitTracker
{
    public const int Limit = 5;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset ResetAt, int Used)> _windows = new(StringComparer.Ordinal);

    /// <summary>A stable bucket id per route template (Discord's are opaque hex strings).</summary>
    public static string BucketId(string routeTemplate) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(routeTemplate)))[..32];

    /// <summary>
    /// Counts one request and writes the five <c>X-RateLimit-*</c> headers. Discord keys limits by bucket
    /// plus the top-level resource (guild, channel, webhook id+token), passed as the major parameter.
    /// </summary>
    public void Apply(IHeaderDictionary headers, string routeTemplate, string majorParameter, DateTimeOffset now)
    {
        var bucket = BucketId(routeTemplate);
        (DateTimeOffset ResetAt, int Used) window;
        lock (_gate)
        {
            var key = bucket + ":" + majorParameter;
            if (!_windows.TryGetValue(key, out window) || window.ResetAt <= now)
            {
                window = (now + Window, 0);
            }

            window.Used++;
            _windows[key] = window;
        }

        headers["X-RateLimit-Limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, Limit - window.Used).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = DiscordErrors.Seconds(window.ResetAt.ToUnixTimeMilliseconds() / 1000.0);
        headers["X-RateLimit-Reset-After"] = DiscordErrors.Seconds((window.ResetAt - now).TotalSeconds);
        headers["X-RateLimit-Bucket"] = bucket;
    }
}
