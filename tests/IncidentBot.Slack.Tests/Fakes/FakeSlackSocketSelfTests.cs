using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>Shows the fake Socket Mode endpoint behaves like Slack's, using a plain <see cref="ClientWebSocket"/>.</summary>
public sealed class FakeSlackSocketSelfTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(10));
    private readonly HttpClient _http = new();
    private readonly ClientWebSocket _client = new();
    private FakeSlack _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeSlack.StartAsync(_cts.Token);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _cts.Dispose();
    }

    [Fact]
    public async Task Connect_WithFreshUrl_ThenHelloLikeTheSample()
    {
        var connection = await ConnectAsync();
        await connection.SendHelloAsync();
        using var hello = JsonDocument.Parse((await _client.ReceiveTextAsync(_cts.Token))!);

        Assert.Matches(@"^\?ticket=\d+&app_id=A111$", connection.Query);
        Assert.True(connection.IsOpen);
        Assert.Equal(1, _fake.ConnectionCount);
        Assert.Same(connection, Assert.Single(_fake.OpenConnections));
        Assert.Equal("hello", hello.RootElement.GetProperty("type").GetString());
        Assert.Equal(1, hello.RootElement.GetProperty("num_connections").GetInt32());
        Assert.Equal("A111", hello.RootElement.GetProperty("connection_info").GetProperty("app_id").GetString());
        Assert.Equal("applink-111-xxx", hello.RootElement.GetProperty("debug_info").GetProperty("host").GetString());
    }

    [Fact]
    public async Task Connect_ReusingAUrl_IsRefusedBeforeTheUpgrade()
    {
        var url = await OpenUrlAsync();
        await _client.ConnectAsync(url, _cts.Token);
        using var second = new ClientWebSocket();

        var error = await Assert.ThrowsAsync<WebSocketException>(() => second.ConnectAsync(url, _cts.Token));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _fake.ConnectionCount);
        Assert.Contains(_fake.Violations, v => v.Contains("already used ticket", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Envelope_HandWrittenAck_IsMatchedByExpectAckAsync()
    {
        var connection = await ConnectAsync();
        var id = await connection.SendEnvelopeAsync("slash_commands", _fake.SlashCommandPayload("/incident", "db down"), acceptsResponsePayload: true);
        using var envelope = JsonDocument.Parse((await _client.ReceiveTextAsync(_cts.Token))!);
        await _client.SendTextAsync("not an ack", _cts.Token);
        await _client.SendTextAsync($$$"""{"envelope_id":"{{{id}}}","payload":{"response_type":"ephemeral","text":"Searching the incident index..."}}""", _cts.Token);

        var ack = await connection.ExpectAckAsync(id, WaitTimeout);

        Assert.Equal(["envelope_id", "payload", "type", "accepts_response_payload"], envelope.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, envelope.RootElement.GetProperty("envelope_id").GetString());
        Assert.Equal("/incident", envelope.RootElement.GetProperty("payload").GetProperty("command").GetString());
        Assert.Equal(id, ack.EnvelopeId);
        Assert.Equal("Searching the incident index...", ack.Payload!.Value.GetProperty("text").GetString());
        Assert.InRange(ack.At - connection.SentAt(id), TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Equal(["not an ack"], connection.Unexpected);
        Assert.Equal(2, connection.Received.Count);
        Assert.Same(ack, Assert.Single(connection.Acks));
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task Redelivery_WithSameEnvelopeId_ExpectAckReturnsTheAckOfTheLatestDelivery()
    {
        var connection = await ConnectAsync();
        var id = await connection.SendEnvelopeAsync("events_api", new() { ["type"] = "event_callback" }, acceptsResponsePayload: false);
        using var first = JsonDocument.Parse((await _client.ReceiveTextAsync(_cts.Token))!);
        await _client.SendTextAsync($$"""{"envelope_id":"{{id}}"}""", _cts.Token);
        await connection.ExpectAckAsync(id, WaitTimeout);

        await connection.SendEnvelopeAsync("events_api", new() { ["type"] = "event_callback" }, false, retryAttempt: 1, retryReason: "timeout", envelopeId: id);
        using var retry = JsonDocument.Parse((await _client.ReceiveTextAsync(_cts.Token))!);
        await _client.SendTextAsync($$"""{"envelope_id":"{{id}}" }""", _cts.Token);
        var second = await connection.ExpectAckAsync(id, WaitTimeout);

        Assert.Equal(0, first.RootElement.GetProperty("retry_attempt").GetInt32());
        Assert.Equal(string.Empty, first.RootElement.GetProperty("retry_reason").GetString());
        Assert.Equal(1, retry.RootElement.GetProperty("retry_attempt").GetInt32());
        Assert.Equal("timeout", retry.RootElement.GetProperty("retry_reason").GetString());
        Assert.EndsWith("\" }", second.Raw, StringComparison.Ordinal);
        Assert.Equal(2, connection.Acks.Count);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task LateAck_AndPayloadOnANonAcceptingEnvelope_AreViolations()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _fake.Time = clock;
        var connection = await ConnectAsync();
        var id = await connection.SendEnvelopeAsync("interactive", _fake.BlockActionsPayload("feedback_up", "q-1"), acceptsResponsePayload: false);
        clock.Advance(TimeSpan.FromSeconds(4));
        await _client.SendTextAsync($$$"""{"envelope_id":"{{{id}}}","payload":{"text":"thanks"}}""", _cts.Token);

        await connection.ExpectAckAsync(id, WaitTimeout);

        Assert.Contains(_fake.Violations, v => v.EndsWith("ack after 4000 ms (limit 3000 ms)", StringComparison.Ordinal));
        Assert.Contains(_fake.Violations, v => v.Contains("accepts_response_payload false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpectAck_WhenTheClientClosesFirst_FailsAndReportsTheCloseStatus()
    {
        var connection = await ConnectAsync();
        var id = await connection.SendEnvelopeAsync("slash_commands", _fake.SlashCommandPayload("/incident", "x"), true);
        var waiting = connection.ExpectAckAsync(id, WaitTimeout);

        await _client.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", _cts.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => waiting);
        Assert.Equal(1000, await connection.WaitForClientCloseAsync(WaitTimeout));
        Assert.False(connection.IsOpen);
        Assert.Empty(_fake.OpenConnections);
    }

    [Fact]
    public async Task Disconnect_CloseAndAbort_LookLikeSlackToTheClient()
    {
        var connection = await ConnectAsync();
        await connection.SendDisconnectAsync("refresh_requested");
        using var disconnect = JsonDocument.Parse((await _client.ReceiveTextAsync(_cts.Token))!);
        var closing = connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "going away");
        var closeFrame = await _client.ReceiveTextAsync(_cts.Token);
        await _client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _cts.Token);
        await closing;

        using var other = new ClientWebSocket();
        await other.ConnectAsync(await OpenUrlAsync(), _cts.Token);
        var dropped = await _fake.NextConnectionAsync(WaitTimeout);
        dropped.Abort();

        Assert.Equal("disconnect", disconnect.RootElement.GetProperty("type").GetString());
        Assert.Equal("refresh_requested", disconnect.RootElement.GetProperty("reason").GetString());
        Assert.Null(closeFrame);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, _client.CloseStatus);
        Assert.Equal(1000, await connection.WaitForClientCloseAsync(WaitTimeout));
        Assert.Null(await dropped.WaitForClientCloseAsync(WaitTimeout));
        await Assert.ThrowsAsync<WebSocketException>(() => other.ReceiveTextAsync(_cts.Token));
    }

    [Fact]
    public async Task ExpectAck_WithNoAck_TimesOut()
    {
        var connection = await ConnectAsync();
        var id = await connection.SendEnvelopeAsync("slash_commands", _fake.SlashCommandPayload("/incident", "x"), true);

        await Assert.ThrowsAsync<TimeoutException>(() => connection.ExpectAckAsync(id, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Dispose_WithAnOpenSocket_TakesLessThanASecond()
    {
        await ConnectAsync();
        var watch = Stopwatch.StartNew();

        await _fake.DisposeAsync();

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    private async Task<Uri> OpenUrlAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_fake.ApiBaseUrl, "apps.connections.open"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.AppToken);
        using var response = await _http.SendAsync(request, _cts.Token);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_cts.Token));
        return new Uri(body.RootElement.GetProperty("url").GetString()!);
    }

    private async Task<FakeSocketConnection> ConnectAsync()
    {
        await _client.ConnectAsync(await OpenUrlAsync(), _cts.Token);
        return await _fake.NextConnectionAsync(WaitTimeout);
    }
}
