using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>Shows the fake's REST side behaves like Discord, using a plain <see cref="HttpClient"/>.</summary>
public sealed class FakeDiscordSelfTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(10));
    private readonly HttpClient _http = new();
    private FakeDiscord _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscord.StartAsync(_cts.Token);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _cts.Dispose();
    }

    [Fact]
    public async Task GatewayBot_WithBotToken_ReturnsDocumentedShape()
    {
        using var response = await SendAsync(HttpMethod.Get, "/gateway/bot", authorize: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_cts.Token));
        Assert.Equal(_fake.GatewayUrl.AbsoluteUri, body.RootElement.GetProperty("url").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("shards").GetInt32());
        var limit = body.RootElement.GetProperty("session_start_limit");
        Assert.Equal(1000, limit.GetProperty("total").GetInt32());
        Assert.Equal(1, limit.GetProperty("max_concurrency").GetInt32());
        foreach (var header in new[] { "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Bucket" })
        {
            Assert.True(response.Headers.Contains(header), header);
        }
    }

    [Fact]
    public async Task GatewayBot_WithoutToken_Returns401()
    {
        using var response = await SendAsync(HttpMethod.Get, "/gateway/bot", authorize: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"message":"401: Unauthorized","code":0}""", await response.Content.ReadAsStringAsync(_cts.Token));
        Assert.Equal("/api/v10/gateway/bot", Assert.Single(_fake.Requests).Path);
    }

    [Fact]
    public async Task CanBulkOverwriteAndListCommandsAsync()
    {
        var path = $"/applications/{_fake.ApplicationId}/commands";
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "discord_commands_bulk_overwrite_composed.json"), _cts.Token);

        using var put = await SendAsync(HttpMethod.Put, path, authorize: true, sample);
        using var list = await SendAsync(HttpMethod.Get, path, authorize: true);
        using var again = await SendAsync(HttpMethod.Put, path, authorize: true, sample);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var listed = JsonDocument.Parse(await list.Content.ReadAsStringAsync(_cts.Token));
        Assert.Equal(["ask", "incidentbot-admin"], listed.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var ask = _fake.GlobalCommands[0];
        Assert.Equal(_fake.ApplicationId, ask.GetProperty("application_id").GetString());
        Assert.True(ulong.TryParse(ask.GetProperty("id").GetString(), out _));
        Assert.Equal(2, _fake.CommandPutCount);
        Assert.Equal(listed.RootElement[0].GetProperty("id").GetString(), ask.GetProperty("id").GetString()); // Same name keeps its id.
        Assert.Empty(_fake.GuildCommands("42"));
    }

    [Fact]
    public async Task PutCommands_BodyNotAnArray_Returns50035()
    {
        using var response = await SendAsync(HttpMethod.Put, $"/applications/{_fake.ApplicationId}/guilds/42/commands", authorize: true, """{"name":"ask"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50035, await ErrorCodeAsync(response));
        Assert.Equal(0, _fake.CommandPutCount);
    }

    [Fact]
    public async Task Callback_Twice_Returns40060()
    {
        using var first = await SendAsync(HttpMethod.Post, "/interactions/111/tok/callback", authorize: false, """{"type":5,"data":{"flags":64}}""");
        using var second = await SendAsync(HttpMethod.Post, "/interactions/111/tok/callback", authorize: false, """{"type":5}""");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(40060, await ErrorCodeAsync(second));
    }

    [Fact]
    public async Task Callback_ExpiredInteraction_Returns10062()
    {
        _fake.ExpiredInteractions.Add("222");

        using var response = await SendAsync(HttpMethod.Post, "/interactions/222/tok/callback", authorize: false, """{"type":5}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(10062, await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Callback_OverlongEmbedDescription_Returns50035AndRecordsViolation()
    {
        var body = JsonSerializer.Serialize(new { type = 4, data = new { embeds = new[] { new { description = new string('x', 4097) } } } });

        using var response = await SendAsync(HttpMethod.Post, "/interactions/333/tok/callback", authorize: false, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_cts.Token));
        Assert.Equal(50035, error.RootElement.GetProperty("code").GetInt32());
        Assert.True(error.RootElement.GetProperty("errors").GetProperty("data").GetProperty("embeds").GetProperty("0").TryGetProperty("description", out _));
        Assert.Contains(_fake.Violations, v => v.Contains("data.embeds.0.description", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditOriginal_AfterDefer_EchoesMessage()
    {
        using var defer = await SendAsync(HttpMethod.Post, "/interactions/444/tok4/callback", authorize: false, """{"type":5}""");

        using var edit = await SendAsync(HttpMethod.Patch, $"/webhooks/{_fake.ApplicationId}/tok4/messages/@original", authorize: false, """{"content":"done","embeds":[{"title":"t"}]}""");

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        using var message = JsonDocument.Parse(await edit.Content.ReadAsStringAsync(_cts.Token));
        Assert.Equal("done", message.RootElement.GetProperty("content").GetString());
        Assert.Equal("t", message.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Empty(_fake.Violations);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.OK)]
    [InlineData(true, HttpStatusCode.NotFound)]
    public async Task EditOriginal_BeforeCallback_RecordsViolation(bool strict, HttpStatusCode expected)
    {
        _fake.RequireCallbackBeforeWebhook = strict;

        using var edit = await SendAsync(HttpMethod.Patch, $"/webhooks/{_fake.ApplicationId}/tok5/messages/@original", authorize: false, """{"content":"early"}""");

        Assert.Equal(expected, edit.StatusCode);
        Assert.Contains(_fake.Violations, v => v.Contains("before the interaction got its initial response", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnqueueRateLimit_NextRequest_Gets429ThenSucceeds()
    {
        _fake.EnqueueRateLimit("GET", "/gateway/bot", 0.25);

        using var limited = await SendAsync(HttpMethod.Get, "/gateway/bot", authorize: true);
        using var next = await SendAsync(HttpMethod.Get, "/gateway/bot", authorize: true);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("1", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("0.250", limited.Headers.GetValues("X-RateLimit-Reset-After").Single());
        Assert.Equal("user", limited.Headers.GetValues("X-RateLimit-Scope").Single());
        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync(_cts.Token));
        Assert.Equal(0.25, body.RootElement.GetProperty("retry_after").GetDouble());
        Assert.False(body.RootElement.GetProperty("global").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task WaitForRequestAsync_NoMatch_ThrowsTimeoutListingRequests()
    {
        using var response = await SendAsync(HttpMethod.Get, "/gateway/bot", authorize: true);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _fake.WaitForRequestAsync(r => r.Method == "PUT", TimeSpan.FromMilliseconds(50)));

        Assert.Contains("GET /api/v10/gateway/bot", error.Message, StringComparison.Ordinal);
        Assert.Equal("GET", (await _fake.WaitForRequestAsync(r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal), WaitTimeout)).Method);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, bool authorize, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_fake.ApiBaseUrl + path));
        request.Headers.UserAgent.ParseAdd("DiscordBot (https://example.org/incidentbot, 1.0)");
        if (authorize)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _fake.Token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request, _cts.Token);
    }

    private async Task<int> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_cts.Token));
        return body.RootElement.GetProperty("code").GetInt32();
    }
}
