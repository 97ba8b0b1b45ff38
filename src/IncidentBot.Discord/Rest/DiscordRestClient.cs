using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IncidentBot.Discord.Messages;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Rest;

/// <summary>
/// The few Discord REST routes the bot uses. The <see cref="HttpClient"/> it is given already carries the
/// base address, the <c>Authorization: Bot</c> and <c>User-Agent</c> headers, the rate-limit handler and retries
/// (see <c>DiscordServiceCollectionExtensions</c>); this class only shapes requests and reads answers.
/// </summary>
public sealed partial class DiscordRestClient
{
    private readonly HttpClient _http;
    private readonly ILogger<DiscordRestClient> _logger;

    public DiscordRestClient(HttpClient http, ILogger<DiscordRestClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    /// <summary><c>GET /gateway/bot</c>: the gateway URL, recommended shards and identify concurrency.</summary>
    public async Task<DiscordRestResult<GatewayBotInfo>> GetGatewayBotAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "gateway/bot");
        return await SendAsync(request, DiscordRestJsonContext.Default.GatewayBotInfo, ct).ConfigureAwait(false);
    }

    /// <summary>The registered commands, global or of one server.</summary>
    public async Task<DiscordRestResult<JsonElement>> GetCommandsAsync(string applicationId, string? guildId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, CommandsPath(applicationId, guildId));
        return await SendAsync(request, DiscordRestJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
    }

    /// <summary><c>PUT …/commands</c>: replaces the whole command list in one call (bulk overwrite).</summary>
    public async Task<DiscordRestResult<JsonElement>> BulkOverwriteCommandsAsync(string applicationId, string? guildId, JsonElement commands, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, CommandsPath(applicationId, guildId))
        {
            Content = JsonContent.Create(commands, DiscordRestJsonContext.Default.JsonElement),
        };
        return await SendAsync(request, DiscordRestJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
    }

    /// <summary>An initial response is worthless after Discord's 3 s: do not let one wait (and hold a worker) longer.</summary>
    public static readonly TimeSpan CallbackTimeout = TimeSpan.FromSeconds(5);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c>: the initial response, due within 3 seconds.</summary>
    public async Task<DiscordRestResult> CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken ct)
    {
        var path = $"interactions/{Uri.EscapeDataString(interactionId)}/{Uri.EscapeDataString(interactionToken)}/callback";
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(response, DiscordJsonContext.Default.InteractionResponse),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallbackTimeout);
        try
        {
            var result = await SendAsync(request, timeout.Token).ConfigureAwait(false);
            return result.Result;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogUnreachable(HttpMethod.Post, RoutePath(request), "timed out");
            return DiscordRestResult.Fault("Discord did not take the response in time.");
        }
    }

    /// <summary><c>PATCH /webhooks/{app}/{token}/messages/@original</c>: replaces a deferred ("thinking…") response.</summary>
    public async Task<DiscordRestResult> EditOriginalResponseAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, WebhookPath(applicationId, interactionToken) + "/messages/@original")
        {
            Content = JsonContent.Create(message, DiscordJsonContext.Default.MessagePayload),
        };
        var result = await SendAsync(request, ct).ConfigureAwait(false);
        return result.Result;
    }

    /// <summary><c>DELETE /webhooks/{app}/{token}/messages/@original</c>.</summary>
    public async Task<DiscordRestResult> DeleteOriginalResponseAsync(string applicationId, string interactionToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, WebhookPath(applicationId, interactionToken) + "/messages/@original");
        var result = await SendAsync(request, ct).ConfigureAwait(false);
        return result.Result;
    }

    /// <summary><c>POST /webhooks/{app}/{token}</c>: a follow-up message (may be ephemeral, unlike an edit).</summary>
    public async Task<DiscordRestResult> CreateFollowupMessageAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath(applicationId, interactionToken))
        {
            Content = JsonContent.Create(message, DiscordJsonContext.Default.MessagePayload),
        };
        var result = await SendAsync(request, ct).ConfigureAwait(false);
        return result.Result;
    }

    private static string WebhookPath(string applicationId, string interactionToken) =>
        $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(interactionToken)}";

    private static string CommandsPath(string applicationId, string? guildId) =>
        string.IsNullOrEmpty(guildId)
            ? $"applications/{Uri.EscapeDataString(applicationId)}/commands"
            : $"applications/{Uri.EscapeDataString(applicationId)}/guilds/{Uri.EscapeDataString(guildId)}/commands";

    private async Task<DiscordRestResult<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var (result, body) = await SendAsync(request, ct).ConfigureAwait(false);
        if (!result.IsSuccess || body is null)
        {
            return new DiscordRestResult<T>(result, default);
        }

        try
        {
            return new DiscordRestResult<T>(result, JsonSerializer.Deserialize(body, type));
        }
        catch (JsonException ex)
        {
            LogUnreadable(request.Method, RoutePath(request), ex.Message);
            return new DiscordRestResult<T>(DiscordRestResult.Fault("Discord answered with unreadable JSON."), default);
        }
    }

    private async Task<(DiscordRestResult Result, byte[]? Body)> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (DiscordRestResult.Ok(response.StatusCode), body);
            }

            var error = DiscordErrorBody.Parse(body);
            var result = new DiscordRestResult(response.StatusCode, error.Code, error.Message ?? response.ReasonPhrase);
            LogFailed(request.Method, RoutePath(request), (int)response.StatusCode, error.Code, result.Message);
            return (result, null);
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(request.Method, RoutePath(request), ex.Message);
            return (DiscordRestResult.Fault(ex.Message), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogUnreachable(request.Method, RoutePath(request), "timed out");
            return (DiscordRestResult.Fault("Discord did not answer in time."), null);
        }
    }

    /// <summary>The route without interaction tokens, which authenticate like passwords and must not reach logs.</summary>
    internal static string RoutePath(HttpRequestMessage request) => RouteRedactor.Redact(request.RequestUri?.OriginalString ?? "");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Method} {Route} failed: {Status} (code {Code}) {Error}")]
    private partial void LogFailed(HttpMethod method, string route, int status, int code, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Method} {Route} unreachable: {Error}")]
    private partial void LogUnreachable(HttpMethod method, string route, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Method} {Route} answered with unreadable JSON: {Error}")]
    private partial void LogUnreadable(HttpMethod method, string route, string error);
}
