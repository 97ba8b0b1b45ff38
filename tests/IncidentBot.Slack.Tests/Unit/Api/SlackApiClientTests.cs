using System.Net;
using System.Text.Json;
using IncidentBot.Slack.Api;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Rendering;
using IncidentBot.Slack.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Slack.Tests.Unit.Api;

public sealed class SlackApiClientTests : IDisposable
{
    private const string AppToken = "xapp-1-A0APP0001-1234567890123-0123456789abcdef";
    private const string BotToken = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    private const string ApiBase = "https://slack.test/api/";

    private readonly RecordingHttpHandler _http = new();
    private readonly HttpClient _client;
    private readonly SlackApiClient _api;

    public SlackApiClientTests()
    {
        _client = new HttpClient(_http) { BaseAddress = new Uri(ApiBase) };
        var options = new SlackOptions { AppToken = AppToken, BotToken = BotToken, ApiBaseUrl = ApiBase };
        _api = new SlackApiClient(_client, Microsoft.Extensions.Options.Options.Create(options), NullLogger<SlackApiClient>.Instance);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task OpenConnectionAsync_DocumentedResponse_WsUrlWithTheAppTokenAsBearer()
    {
        _http.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, SampleFiles.ReadText("slack_apps_connections_open_response.json"));

        var (result, url) = await _api.OpenConnectionAsync(CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(new Uri("wss://wss-somethiing.slack.com/link/?ticket=12348&app_id=5678"), url);
        var request = Assert.Single(_http.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(ApiBase + "apps.connections.open", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + AppToken, request.Authorization);
        Assert.DoesNotContain(AppToken, request.Body ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(AppToken, request.Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenConnectionAsync_LoopbackWsUrl_Accepted()
    {
        _http.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, """{"ok":true,"url":"ws://127.0.0.1:5123/link/?ticket=1"}""");

        var (result, url) = await _api.OpenConnectionAsync(CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal("ws://127.0.0.1:5123/link/?ticket=1", url?.AbsoluteUri);
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("not_authed")]
    [InlineData("not_allowed_token_type")]
    [InlineData("token_revoked")]
    public async Task OpenConnectionAsync_AuthError_IsAuthErrorNoUrl(string error)
    {
        _http.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, $$"""{"ok":false,"error":"{{error}}"}""");

        var (result, url) = await _api.OpenConnectionAsync(CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal(error, result.Error);
        Assert.True(result.IsAuthError);
        Assert.Null(url);
    }

    [Fact]
    public async Task OpenConnectionAsync_OtherError_NotAnAuthError()
    {
        _http.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, """{"ok":false,"error":"internal_error"}""");

        var (result, url) = await _api.OpenConnectionAsync(CancellationToken.None);

        Assert.False(result.Ok);
        Assert.False(result.IsAuthError);
        Assert.Null(url);
    }

    [Fact]
    public async Task OpenConnectionAsync_429WithRetryAfter_RatelimitedWithTheWait()
    {
        _http.Respond = (_, _) =>
        {
            var response = RecordingHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"ok":false,"error":"ratelimited"}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        };

        var (result, url) = await _api.OpenConnectionAsync(CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("ratelimited", result.Error);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.False(result.IsAuthError);
        Assert.Null(url);
    }

    [Fact]
    public async Task OpenConnectionAsync_429WithoutRetryAfter_ThirtySeconds()
    {
        _http.Respond = (_, _) => RecordingHttpHandler.Text(HttpStatusCode.TooManyRequests, "");

        var (result, _) = await _api.OpenConnectionAsync(CancellationToken.None);

        Assert.Equal("ratelimited", result.Error);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    [Theory]
    [InlineData("""{"ok":true,"url":"https://wss-primary.slack.com/link/?ticket=1"}""")]
    [InlineData("""{"ok":true,"url":"http://127.0.0.1/link"}""")]
    [InlineData("""{"ok":true,"url":"file:///etc/passwd"}""")]
    [InlineData("""{"ok":true,"url":"/link/?ticket=1"}""")]
    [InlineData("""{"ok":true,"url":""}""")]
    [InlineData("""{"ok":true,"url":42}""")]
    [InlineData("""{"ok":true}""")]
    public async Task OpenConnectionAsync_NoUsableWsUrl_Failure(string json)
    {
        _http.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, json);

        var (result, url) = await _api.OpenConnectionAsync(CancellationToken.None);

        Assert.False(result.Ok);
        Assert.False(result.IsAuthError);
        Assert.Null(url);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html>bad gateway</html>")]
    [InlineData(HttpStatusCode.OK, "")]
    [InlineData(HttpStatusCode.OK, "[1,2]")]
    [InlineData(HttpStatusCode.InternalServerError, "{}")]
    public async Task OpenConnectionAsync_UnreadableAnswer_FailureNotException(HttpStatusCode status, string body)
    {
        _http.Respond = (_, _) => RecordingHttpHandler.Text(status, body);

        var (result, url) = await _api.OpenConnectionAsync(CancellationToken.None);

        Assert.False(result.Ok);
        Assert.NotNull(result.Error);
        Assert.Null(url);
    }

    [Fact]
    public async Task OpenConnectionAsync_TransportFailure_FailureNotException()
    {
        _http.Respond = (_, _) => throw new HttpRequestException("connection refused");

        var (result, url) = await _api.OpenConnectionAsync(CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Contains("connection refused", result.Error, StringComparison.Ordinal);
        Assert.Null(url);
    }

    [Fact]
    public async Task AuthTestAsync_Ok_BotUserIdWithTheBotTokenAsBearer()
    {
        _http.Respond = (_, _) => RecordingHttpHandler.Json(
            HttpStatusCode.OK,
            """{"ok":true,"url":"https://example.slack.com/","team":"Example","user":"incidentbot","team_id":"T0TEAM001","user_id":"U0BOT0001","bot_id":"B0BOT0001"}""");

        var (result, botUserId) = await _api.AuthTestAsync(CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal("U0BOT0001", botUserId);
        var request = Assert.Single(_http.Requests);
        Assert.Equal(ApiBase + "auth.test", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + BotToken, request.Authorization);
    }

    [Fact]
    public async Task AuthTestAsync_InvalidAuth_NoUserId()
    {
        _http.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, """{"ok":false,"error":"invalid_auth"}""");

        var (result, botUserId) = await _api.AuthTestAsync(CancellationToken.None);

        Assert.True(result.IsAuthError);
        Assert.Null(botUserId);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123/response/1")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("https://hooks.slack.com.evil.example/commands/T1")]
    [InlineData("http://hooks.slack.com/commands/T1/2/abc")]
    [InlineData("https://hooks.slack.com:8443/commands/T1/2/abc")]
    public async Task PostToResponseUrlAsync_NotSlacksHook_RefusedWithoutSending(string url)
    {
        // A response URL comes inside the request: it must not make the bot post to internal addresses.
        var result = await _api.PostToResponseUrlAsync(url, NoticeRenderer.Ephemeral("x"), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Empty(_http.Requests);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/abc")]
    [InlineData("https://slack.test/hooks/commands/T1/2/abc")]
    public async Task PostToResponseUrlAsync_SlackHookOrTheApiHost_PostsTheMessageAsJson(string url)
    {
        var message = NoticeRenderer.Ephemeral("Hello & <welcome>") with { ReplaceOriginal = false };

        var result = await _api.PostToResponseUrlAsync(url, message, CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        var request = Assert.Single(_http.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri(url), request.Uri);
        Assert.Equal("application/json", request.ContentType);
        Assert.Null(request.Authorization);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("ephemeral", body.RootElement.GetProperty("response_type").GetString());
        Assert.Equal("Hello &amp; &lt;welcome&gt;", body.RootElement.GetProperty("text").GetString());
        Assert.False(body.RootElement.GetProperty("replace_original").GetBoolean());
        Assert.Equal("section", body.RootElement.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.False(body.RootElement.TryGetProperty("delete_original", out _));
    }

    [Theory]
    [InlineData("commands/T1/2/abc")]
    [InlineData("/commands/T1/2/abc")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://hooks.slack.com/commands/1")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task PostToResponseUrlAsync_NotAnAbsoluteHttpUrl_RejectedWithoutSending(string url)
    {
        var result = await _api.PostToResponseUrlAsync(url, new SlackMessage { Text = "hi" }, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal(0, _http.Count);
    }

    [Fact]
    public async Task PostToResponseUrlAsync_404UsedUrl_FailureValue()
    {
        _http.Respond = (_, _) => RecordingHttpHandler.Text(HttpStatusCode.NotFound, "used_url");

        var result = await _api.PostToResponseUrlAsync("https://hooks.slack.com/commands/T1/2/abc", new SlackMessage { Text = "hi" }, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("used_url", result.Error);
        Assert.Single(_http.Requests);
    }

    [Fact]
    public async Task PostToResponseUrlAsync_ErrorWithoutBody_StatusAsError()
    {
        _http.Respond = (_, _) => new HttpResponseMessage(HttpStatusCode.InternalServerError);

        var result = await _api.PostToResponseUrlAsync("https://hooks.slack.com/commands/T1/2/abc", new SlackMessage { Text = "hi" }, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("InternalServerError", result.Error);
    }

    [Fact]
    public async Task PostToResponseUrlAsync_TransportFailure_FailureValueNotRetried()
    {
        _http.Respond = (_, _) => throw new HttpRequestException("connection reset");

        var result = await _api.PostToResponseUrlAsync("https://hooks.slack.com/commands/T1/2/abc", new SlackMessage { Text = "hi" }, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Single(_http.Requests);
    }

    [Fact]
    public async Task PostToResponseUrlAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _api.PostToResponseUrlAsync("https://hooks.slack.com/commands/T1/2/abc", new SlackMessage { Text = "hi" }, cts.Token));
    }
}
