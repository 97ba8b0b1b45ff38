using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>Shows the fake's Web API, response_url receiver and payload helpers behave like Slack, using a plain <see cref="HttpClient"/>.</summary>
public sealed class FakeSlackSelfTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(10));
    private readonly HttpClient _http = new();
    private FakeSlack _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeSlack.StartAsync(_cts.Token);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _cts.Dispose();
    }

    [Fact]
    public async Task AppsConnectionsOpen_WithAppTokenHeader_ReturnsSingleUseSocketUrl()
    {
        var (status, body) = await CallAsync("apps.connections.open", _fake.AppToken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("ok").GetBoolean());
        var url = new Uri(body.GetProperty("url").GetString()!);
        Assert.Equal("ws", url.Scheme);
        Assert.Equal(_fake.ApiBaseUrl.Port, url.Port);
        Assert.Equal("/link/", url.AbsolutePath);
        Assert.Matches(@"^\?ticket=\d+&app_id=A111$", url.Query);
        var recorded = Assert.Single(_fake.Requests);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/api/apps.connections.open", recorded.Path);
        Assert.Equal("Bearer " + _fake.AppToken, recorded.Header("Authorization"));
    }

    [Theory]
    [InlineData(null, "invalid_auth")]
    [InlineData("xapp-1-wrong", "invalid_auth")]
    [InlineData("xoxb-111-222-test", "not_allowed_token_type")]
    public async Task AppsConnectionsOpen_WithoutTheAppToken_IsRefusedWithOkFalse(string? token, string error)
    {
        var (status, body) = await CallAsync("apps.connections.open", token);

        Assert.Equal(HttpStatusCode.OK, status); // Slack reports API errors in the body, not the status.
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AppsConnectionsOpen_TokenAsFormField_IsInvalidAuthAndAViolation()
    {
        var (_, body) = await CallAsync("apps.connections.open", null, "token=" + _fake.AppToken);

        Assert.Equal("invalid_auth", body.GetProperty("error").GetString());
        Assert.Contains(_fake.Violations, v => v.Contains("Authorization header", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthTest_WithBotToken_ReturnsBotIdentity_ElseInvalidAuth()
    {
        var (_, ok) = await CallAsync("auth.test", _fake.BotToken);
        var (_, refused) = await CallAsync("auth.test", _fake.AppToken);

        Assert.True(ok.GetProperty("ok").GetBoolean());
        Assert.Equal("T111", ok.GetProperty("team_id").GetString());
        Assert.Equal("U0BOT", ok.GetProperty("user_id").GetString());
        Assert.Equal("B111", ok.GetProperty("bot_id").GetString());
        Assert.Equal("invalid_auth", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task EnqueueRateLimited_NextCallGets429WithRetryAfter_ThenNormalAnswers()
    {
        _fake.EnqueueRateLimited("apps.connections.open", 30);
        _fake.EnqueueApiError("apps.connections.open", "internal_error");

        using var limited = await PostAsync("apps.connections.open", _fake.AppToken);
        var (_, scripted) = await CallAsync("apps.connections.open", _fake.AppToken);
        var (_, normal) = await CallAsync("apps.connections.open", _fake.AppToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), limited.Headers.RetryAfter?.Delta);
        using var limitedBody = JsonDocument.Parse(await limited.Content.ReadAsStringAsync(_cts.Token));
        Assert.Equal("ratelimited", limitedBody.RootElement.GetProperty("error").GetString());
        Assert.Equal("internal_error", scripted.GetProperty("error").GetString());
        Assert.True(normal.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task ResponseUrl_AcceptsFivePosts_RefusesTheSixthWithUsedUrl()
    {
        var url = _fake.NewResponseUrl();
        var answers = new List<(HttpStatusCode, string)>();
        for (var i = 1; i <= 6; i++)
        {
            answers.Add(await PostJsonAsync(url, $$"""{"response_type":"ephemeral","text":"update {{i}}"}"""));
        }

        Assert.Matches(@"^http://127\.0\.0\.1:\d+/hooks/commands/T111/\d+/[A-Za-z0-9]{24}$", url.AbsoluteUri);
        Assert.All(answers.Take(5), a => Assert.Equal((HttpStatusCode.OK, "ok"), a));
        Assert.Equal((HttpStatusCode.NotFound, "used_url"), answers[5]);
        Assert.Equal(5, _fake.ResponsePosts.Count);
        Assert.Equal("update 5", _fake.ResponsePosts[4].Text);
        Assert.Equal(url.AbsoluteUri, _fake.ResponsePosts[0].Url);
        var post = await _fake.WaitForResponsePostAsync(p => p.Text == "update 3", WaitTimeout);
        Assert.Equal("ephemeral", post.Body.GetProperty("response_type").GetString());
    }

    [Theory]
    [InlineData("blocks", "no more than 50 items allowed [json-pointer:/blocks]")]
    [InlineData("section", "must be less than 3001 characters [json-pointer:/blocks/0/text/text]")]
    [InlineData("button", "must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]")]
    [InlineData("header", "must be less than 151 characters [json-pointer:/blocks/0/text/text]")]
    public async Task ResponseUrl_BlocksOverTheLimits_AreRefusedAsInvalidBlocks(string what, string violation)
    {
        var message = new JsonObject { ["text"] = "fallback", ["blocks"] = OversizeBlocks(what) };

        var answer = await PostJsonAsync(_fake.NewResponseUrl(), message.ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_blocks"), answer);
        Assert.Empty(_fake.ResponsePosts);
        Assert.Contains(_fake.Violations, v => v.EndsWith(violation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResponseUrl_BlocksWithoutTextFallback_AreAcceptedButRecorded()
    {
        var answer = await PostJsonAsync(_fake.NewResponseUrl(), """{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"hi"}}]}""");

        Assert.Equal((HttpStatusCode.OK, "ok"), answer);
        Assert.Contains(_fake.Violations, v => v.Contains("text fallback missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResponseUrl_RefusesFormBodiesUnknownAndExpiredUrls()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _fake.Time = clock;
        var url = _fake.NewResponseUrl();
        using var form = new StringContent("text=hi", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var formAnswer = await _http.PostAsync(url, form, _cts.Token);
        var unknown = await PostJsonAsync(new Uri(_fake.ResponseUrlBase, "commands/T111/999/nope"), """{"text":"hi"}""");
        clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await PostJsonAsync(url, """{"text":"late"}""");

        Assert.Equal(HttpStatusCode.BadRequest, formAnswer.StatusCode);
        Assert.Equal("invalid_payload", await formAnswer.Content.ReadAsStringAsync(_cts.Token));
        Assert.Equal((HttpStatusCode.NotFound, "no_service"), unknown);
        Assert.Equal((HttpStatusCode.NotFound, "expired_url"), expired);
    }

    [Fact]
    public async Task FormBody_OfTheSampleFields_IsTheSampleFormBody()
    {
        var sample = await File.ReadAllTextAsync(SamplePath("slack_slash_command_form_body.txt"), _cts.Token);
        var fields = new JsonObject();
        foreach (var pair in sample.Split('&'))
        {
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            fields[name] = Uri.UnescapeDataString(value.Replace('+', ' '));
        }

        Assert.Equal(sample, _fake.FormBody(fields));
        Assert.Equal("text=two+words%2Fslash&n=1&b=true", _fake.FormBody(new JsonObject { ["text"] = "two words/slash", ["n"] = 1, ["b"] = true }));
    }

    [Fact]
    public async Task SlashCommandPayload_HasTheSampleEnvelopePayloadFields_InOrder()
    {
        using var sample = JsonDocument.Parse(await File.ReadAllTextAsync(SamplePath("slack_socket_mode_slash_commands_envelope.json"), _cts.Token));
        var expected = sample.RootElement.GetProperty("payload").EnumerateObject().Select(p => p.Name);

        var payload = _fake.SlashCommandPayload("/incident", "db is down");

        Assert.Equal(expected, payload.Select(p => p.Key));
        Assert.Equal("/incident", (string?)payload["command"]);
        Assert.Equal("db is down", (string?)payload["text"]);
        Assert.StartsWith(_fake.ResponseUrlBase + "commands/T111/", (string?)payload["response_url"], StringComparison.Ordinal);
        Assert.Contains("&text=db+is+down&", _fake.FormBody(payload), StringComparison.Ordinal);
    }

    [Fact]
    public void BlockActionsPayload_IsShapedLikeSlacksFixture_AndRoundTripsThroughInteractionFormBody()
    {
        var payload = _fake.BlockActionsPayload("feedback_up", "q-42", blockId: "fb");

        Assert.Equal(
            ["type", "user", "api_app_id", "token", "container", "trigger_id", "team", "channel", "response_url", "actions"],
            payload.Select(p => p.Key));
        var action = payload["actions"]![0]!;
        Assert.Equal(["action_id", "block_id", "text", "value", "type", "action_ts"], action.AsObject().Select(p => p.Key));
        Assert.Equal("fb", (string?)action["block_id"]);
        Assert.StartsWith(_fake.ResponseUrlBase + "actions/T111/", (string?)payload["response_url"], StringComparison.Ordinal);
        var body = _fake.InteractionFormBody(payload);
        Assert.StartsWith("payload=%7B%22type%22%3A%22block_actions%22", body, StringComparison.Ordinal);
        Assert.Equal(payload.ToJsonString(), JsonNode.Parse(Uri.UnescapeDataString(body["payload=".Length..].Replace('+', ' ')))!.ToJsonString());
    }

    [Fact]
    public async Task Sign_ReproducesTheOfficialTestVector()
    {
        using var vector = JsonDocument.Parse(await File.ReadAllTextAsync(SamplePath("slack_signature_test_vector.json"), _cts.Token));
        var v = vector.RootElement;

        var signature = FakeSlack.Sign(v.GetProperty("signing_secret").GetString()!, v.GetProperty("X-Slack-Request-Timestamp").GetString()!, v.GetProperty("body").GetString()!);

        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", signature);
        Assert.Equal(v.GetProperty("X-Slack-Signature").GetString(), signature);
    }

    private static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    private static JsonArray OversizeBlocks(string what) => what switch
    {
        "blocks" => [.. Enumerable.Range(0, 51).Select(_ => (JsonNode)new JsonObject { ["type"] = "divider" })],
        "section" => [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = new string('x', 3001) } }],
        "header" => [new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('x', 151) } }],
        _ => [new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = "a", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('x', 76) },
            }),
        }],
    };

    private async Task<HttpResponseMessage> PostAsync(string method, string? token, string body = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_fake.ApiBaseUrl, method))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request, _cts.Token);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(string method, string? token, string body = "")
    {
        using var response = await PostAsync(method, token, body);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_cts.Token));
        return (response.StatusCode, document.RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, string Body)> PostJsonAsync(Uri url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(url, content, _cts.Token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(_cts.Token));
    }
}
