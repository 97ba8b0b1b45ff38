using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>Shows the fake gateway behaves like Discord's, using a plain <see cref="ClientWebSocket"/>.</summary>
public sealed class FakeGatewaySelfTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(10));
    private readonly ClientWebSocket _client = new();
    private FakeDiscord _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscord.StartAsync(_cts.Token);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose()
    {
        _client.Dispose();
        _cts.Dispose();
    }

    [Fact]
    public async Task CanHelloIdentifyAndReadyOverGatewayBotUrlAsync()
    {
        var url = await GatewayUrlFromGatewayBotAsync();
        await _client.ConnectAsync(new Uri(url + "?v=10&encoding=json"), _cts.Token);
        var connection = await _fake.NextConnectionAsync(WaitTimeout);

        await connection.SendHelloAsync(45000, _cts.Token);
        using var hello = JsonDocument.Parse((await _client.ReceiveTextAsync(_cts.Token))!);
        await _client.SendTextAsync(await IdentifySampleAsync(_fake.Token), _cts.Token);
        var identify = await connection.ExpectAsync(2, WaitTimeout);
        await connection.SendReadyAsync("session-1", _fake.ResumeGatewayUrl);
        using var ready = JsonDocument.Parse((await _client.ReceiveTextAsync(_cts.Token))!);

        Assert.Equal("/gateway/", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        Assert.False(connection.IsResumeUrl);
        Assert.Equal(45000, hello.RootElement.GetProperty("d").GetProperty("heartbeat_interval").GetInt32());
        Assert.Equal(513, identify.D.GetProperty("intents").GetInt32());
        Assert.True(connection.IsAuthenticated);
        Assert.Equal("READY", ready.RootElement.GetProperty("t").GetString());
        Assert.Equal(1, ready.RootElement.GetProperty("s").GetInt32());
        Assert.Equal(_fake.ResumeGatewayUrl.AbsoluteUri, ready.RootElement.GetProperty("d").GetProperty("resume_gateway_url").GetString());
        Assert.Equal(_fake.ApplicationId, ready.RootElement.GetProperty("d").GetProperty("application").GetProperty("id").GetString());
    }

    [Fact]
    public async Task CanResumeOnResumeUrlContinuingSequenceAsync()
    {
        await _client.ConnectAsync(new Uri(_fake.ResumeGatewayUrl + "?v=10&encoding=json"), _cts.Token);
        var connection = await _fake.NextConnectionAsync(WaitTimeout);
        connection.LastSequence = 41;

        await _client.SendTextAsync(
            JsonSerializer.Serialize(new { op = 6, d = new { token = _fake.Token, session_id = "session-1", seq = 41 } }), _cts.Token);
        var resume = await connection.ExpectAsync(6, WaitTimeout);
        await connection.SendResumedAsync(_cts.Token);
        using var resumed = JsonDocument.Parse((await _client.ReceiveTextAsync(_cts.Token))!);

        Assert.True(connection.IsResumeUrl);
        Assert.Equal(41, resume.D.GetProperty("seq").GetInt32());
        Assert.Equal("RESUMED", resumed.RootElement.GetProperty("t").GetString());
        Assert.Equal(42, resumed.RootElement.GetProperty("s").GetInt32());
        Assert.Equal(JsonValueKind.Object, resumed.RootElement.GetProperty("d").ValueKind);
    }

    [Fact]
    public async Task CloseAsync_ClientAnswers_ClientSeesCodeAndCloseCompletes()
    {
        var connection = await ConnectAsync();

        var closing = connection.CloseAsync(4000, "Unknown error", _cts.Token);
        Assert.Null(await _client.ReceiveTextAsync(_cts.Token));
        await _client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _cts.Token);
        await closing.WaitAsync(TimeSpan.FromMilliseconds(500), _cts.Token);

        Assert.Equal(4000, (int?)_client.CloseStatus);
        Assert.Equal("Unknown error", _client.CloseStatusDescription);
        Assert.Equal(4000, connection.ServerCloseCode);
    }

    [Fact]
    public async Task Heartbeat_WithAutoAck_AnswersOp11AndExpectSkipsIt()
    {
        var connection = await ConnectAsync();

        await _client.SendTextAsync("""{"op":1,"d":null}""", _cts.Token);
        var ack = await _client.ReceiveTextAsync(_cts.Token);
        await _client.SendTextAsync(await IdentifySampleAsync(_fake.Token), _cts.Token);

        Assert.Equal("""{"op":11}""", ack);
        Assert.Equal(2, (await connection.ExpectAsync(2, WaitTimeout)).Op);
        Assert.Equal([1, 2], connection.Received.Select(f => f.Op));
    }

    [Fact]
    public async Task OversizeFrame_ClosesWith4002()
    {
        var connection = await ConnectAsync();

        await _client.SendTextAsync($$"""{"op":1,"d":null,"pad":"{{new string('x', 4100)}}"}""", _cts.Token);

        Assert.Null(await _client.ReceiveTextAsync(_cts.Token));
        Assert.Equal(4002, (int?)_client.CloseStatus);
        Assert.Equal(4002, connection.ServerCloseCode);
        await _client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _cts.Token);
        await Assert.ThrowsAsync<GatewayClosedException>(() => connection.ReceiveAsync(WaitTimeout));
    }

    [Fact]
    public async Task Identify_WrongToken_ClosesWith4004()
    {
        var connection = await ConnectAsync();

        await _client.SendTextAsync(await IdentifySampleAsync("not-the-token"), _cts.Token);

        Assert.Null(await _client.ReceiveTextAsync(_cts.Token));
        Assert.Equal(4004, (int?)_client.CloseStatus);
        Assert.Equal(4004, connection.ServerCloseCode);
        Assert.Equal(2, (await connection.ReceiveAsync(WaitTimeout)).Op); // The offending frame is still recorded.
    }

    [Fact]
    public async Task PresenceBeforeIdentify_ClosesWith4003()
    {
        var connection = await ConnectAsync();

        await _client.SendTextAsync("""{"op":3,"d":{"since":null,"activities":[],"status":"online","afk":false}}""", _cts.Token);

        Assert.Null(await _client.ReceiveTextAsync(_cts.Token));
        Assert.Equal(4003, (int?)_client.CloseStatus);
        Assert.Equal(4003, connection.ServerCloseCode);
    }

    [Fact]
    public async Task WaitForClientCloseAsync_ClientCloses_ReturnsItsStatus()
    {
        var connection = await ConnectAsync();

        await _client.CloseAsync((WebSocketCloseStatus)4000, "zombie", _cts.Token);

        Assert.Equal(4000, await connection.WaitForClientCloseAsync(WaitTimeout));
        var closed = await Assert.ThrowsAsync<GatewayClosedException>(() => connection.ReceiveAsync(WaitTimeout));
        Assert.Equal(4000, closed.ClientCloseStatus);
    }

    [Fact]
    public async Task Abort_DropsConnectionWithoutCloseFrame()
    {
        var connection = await ConnectAsync();

        connection.Abort();

        await Assert.ThrowsAsync<WebSocketException>(() => _client.ReceiveTextAsync(_cts.Token));
        Assert.Null(await connection.WaitForClientCloseAsync(WaitTimeout));
    }

    [Fact]
    public async Task TooManyFrames_ClosesWith4008()
    {
        var connection = await ConnectAsync();
        connection.AutoAckHeartbeats = false;

        for (var i = 0; i <= GatewayClientRules.MaxFramesPerWindow; i++)
        {
            await _client.SendTextAsync("""{"op":1,"d":null}""", _cts.Token);
        }

        Assert.Null(await _client.ReceiveTextAsync(_cts.Token));
        Assert.Equal(4008, (int?)_client.CloseStatus);
        Assert.Equal(GatewayClientRules.MaxFramesPerWindow + 1, connection.Received.Count);
    }

    [Fact]
    public async Task ExpectAsync_OtherOpcode_Throws()
    {
        var connection = await ConnectAsync();

        await _client.SendTextAsync(await IdentifySampleAsync(_fake.Token), _cts.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => connection.ExpectAsync(6, WaitTimeout));
    }

    [Fact]
    public async Task DisposeAsync_WithOpenSocket_StopsWithinASecond()
    {
        await ConnectAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await _fake.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"DisposeAsync took {watch.ElapsedMilliseconds} ms");
        await Assert.ThrowsAsync<WebSocketException>(() => _client.ReceiveTextAsync(_cts.Token));
    }

    [Fact]
    public async Task NextConnectionAsync_NoClient_ThrowsTimeout()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => _fake.NextConnectionAsync(TimeSpan.FromMilliseconds(50)));
    }

    private async Task<FakeGatewayConnection> ConnectAsync()
    {
        await _client.ConnectAsync(new Uri(_fake.GatewayUrl + "?v=10&encoding=json"), _cts.Token);
        return await _fake.NextConnectionAsync(WaitTimeout);
    }

    private async Task<string> GatewayUrlFromGatewayBotAsync()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", _fake.Token);
        using var response = await http.GetAsync(new Uri(_fake.ApiBaseUrl + "/gateway/bot"), _cts.Token);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_cts.Token));
        return body.RootElement.GetProperty("url").GetString()!;
    }

    private async Task<string> IdentifySampleAsync(string token)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Samples", "discord_gateway_identify_minimal.json");
        var identify = JsonNode.Parse(await File.ReadAllTextAsync(path, _cts.Token))!;
        identify["d"]!["token"] = token;
        return identify.ToJsonString();
    }
}
