using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentBot.Slack.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Api;

/// <summary>
/// The Slack Web API methods the bot needs (<c>apps.connections.open</c>, <c>auth.test</c>) and posts to
/// <c>response_url</c>s. Tokens go in the <c>Authorization</c> header per request (each method wants a different
/// token); nothing here logs a token or a response URL.
/// </summary>
public sealed partial class SlackApiClient
{
    private readonly HttpClient _http;
    private readonly SlackOptions _options;
    private readonly ILogger<SlackApiClient> _logger;

    public SlackApiClient(HttpClient http, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger)
    {
        _http = http;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>A single-use Socket Mode WebSocket URL (app-level token).</summary>
    public async Task<(SlackApiResult Result, Uri? Url)> OpenConnectionAsync(CancellationToken ct)
    {
        var (result, body) = await CallAsync("apps.connections.open", _options.AppToken, ct).ConfigureAwait(false);
        if (!result.Ok)
        {
            return (result, null);
        }

        return body.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
            && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) && uri.Scheme is "wss" or "ws"
            ? (result, uri)
            : (new SlackApiResult(false, "no usable url in apps.connections.open"), null);
    }

    /// <summary>Checks the bot token; returns the bot's user id on success.</summary>
    public async Task<(SlackApiResult Result, string? BotUserId)> AuthTestAsync(CancellationToken ct)
    {
        var (result, body) = await CallAsync("auth.test", _options.BotToken, ct).ConfigureAwait(false);
        return (result, result.Ok && body.TryGetProperty("user_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
    }

    /// <summary>Posts a reply to a <c>response_url</c> (at most 5 per URL within 30 minutes). Not retried: a repeat could post twice.</summary>
    public async Task<SlackApiResult> PostToResponseUrlAsync(string responseUrl, SlackMessage message, CancellationToken ct)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || !IsSlackHook(url))
        {
            LogResponseUrlRefused();
            return new SlackApiResult(false, "invalid response_url");
        }

        try
        {
            using var content = JsonContent.Create(message, SlackJsonContext.Default.SlackMessage);
            using var response = await _http.PostAsync(url, content, ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new SlackApiResult(true, null);
            }

            var error = (await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).Trim();
            LogResponseUrlFailed((int)response.StatusCode, error.Length > 100 ? error[..100] : error);
            return new SlackApiResult(false, error.Length == 0 ? response.StatusCode.ToString() : error);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogResponseUrlFailed(0, ex.Message);
            return new SlackApiResult(false, ex.Message);
        }
    }

    /// <summary>
    /// Only Slack's own hooks (or the configured API host, for tests and proxies): a response URL arrives in the
    /// request, and must not make the bot post to internal addresses even if a signed request names one.
    /// </summary>
    private bool IsSlackHook(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttps && url.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase) && url.IsDefaultPort)
        || (Uri.TryCreate(_options.ApiBaseUrl, UriKind.Absolute, out var api)
            && url.Scheme == api.Scheme && url.Host.Equals(api.Host, StringComparison.OrdinalIgnoreCase) && url.Port == api.Port);

    private async Task<(SlackApiResult Result, JsonElement Body)> CallAsync(string method, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? "");
        try
        {
            using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(30);
                LogApiError(method, "ratelimited");
                return (new SlackApiResult(false, "ratelimited", wait), default);
            }

            var body = await response.Content.ReadFromJsonAsync(SlackJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return (new SlackApiResult(true, null), body);
            }

            var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()!
                : $"HTTP {(int)response.StatusCode}";
            LogApiError(method, error);
            return (new SlackApiResult(false, error), default);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogApiError(method, ex.Message);
            return (new SlackApiResult(false, ex.Message), default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error}")]
    private partial void LogApiError(string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to post to a response_url that is not Slack's")]
    private partial void LogResponseUrlRefused();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting to a Slack response_url failed: {Status} {Error}")]
    private partial void LogResponseUrlFailed(int status, string error);
}
