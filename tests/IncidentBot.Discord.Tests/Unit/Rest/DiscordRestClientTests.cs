using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Discord.Tests.Unit.Rest;

/// <summary>Request shaping and answer reading, against a recording stub (no network).</summary>
public sealed class DiscordRestClientTests : IDisposable
{
    private readonly RecordingHttpHandler _stub = new();
    private readonly HttpClient _http;
    private readonly DiscordRestClient _client;

    public DiscordRestClientTests()
    {
        _http = new HttpClient(_stub) { BaseAddress = new Uri("https://discord.test/api/v10/") };
        _client = new DiscordRestClient(_http, NullLogger<DiscordRestClient>.Instance);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task CreateInteractionResponseAsync_PostsTypeAndDataToTheCallbackRoute()
    {
        var response = new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new MessagePayload { Content = "hi", Flags = MessageFlags.Ephemeral });

        var result = await _client.CreateInteractionResponseAsync("846462639134605312", "tok-en_1", response, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/v10/interactions/846462639134605312/tok-en_1/callback", request.Uri.AbsolutePath);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"type":4,"data":{"content":"hi","allowed_mentions":{"parse":[]},"flags":64}}"""),
            JsonNode.Parse(request.Body!)));
    }

    [Fact]
    public async Task EditOriginalResponseAsync_PatchesOriginalWithoutNulls()
    {
        var result = await _client.EditOriginalResponseAsync("290926444748734465", "tok", new MessagePayload { Content = "done" }, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal("/api/v10/webhooks/290926444748734465/tok/messages/@original", request.Uri.AbsolutePath);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"content":"done","allowed_mentions":{"parse":[]}}"""), JsonNode.Parse(request.Body!)));
    }

    [Theory]
    [InlineData(null, "/api/v10/applications/290926444748734465/commands")]
    [InlineData("", "/api/v10/applications/290926444748734465/commands")]
    [InlineData("290926798626357999", "/api/v10/applications/290926444748734465/guilds/290926798626357999/commands")]
    public async Task GetCommandsAsync_GlobalOrGuildRoute(string? guildId, string path)
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, "[]");

        var result = await _client.GetCommandsAsync("290926444748734465", guildId, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(JsonValueKind.Array, result.Value.ValueKind);
        Assert.Equal(path, Assert.Single(_stub.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task GetGatewayBotAsync_DocumentedAnswer_IsRead()
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, SampleFiles.ReadText("discord_get_gateway_bot_response.json"));

        var result = await _client.GetGatewayBotAsync(CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal("wss://gateway.discord.gg/", result.Value!.Url);
        Assert.Equal(9, result.Value.Shards);
        Assert.Equal(1, result.Value.SessionStartLimit?.MaxConcurrency);
        Assert.Equal(999, result.Value.SessionStartLimit?.Remaining);
        Assert.Equal("/api/v10/gateway/bot", Assert.Single(_stub.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task GetGatewayBotAsync_UnreadableJson_IsAFaultNotAnException()
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, "<html>");

        var result = await _client.GetGatewayBotAsync(CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal((HttpStatusCode)0, result.Result.Status);
    }

    [Fact]
    public async Task SendAsync_DiscordError_IsAResultWithCodeAndMessage()
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.NotFound, """{"message":"Unknown interaction","code":10062}""");

        var result = await _client.CreateInteractionResponseAsync("1", "t", InteractionResponse.Pong, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal(10062, result.Code);
        Assert.Equal("Unknown interaction", result.Message);
    }

    [Fact]
    public async Task SendAsync_NetworkFault_IsAResultWithStatusZero()
    {
        _stub.Respond = (_, _) => throw new HttpRequestException("connection refused");

        var result = await _client.EditOriginalResponseAsync("1", "t", new MessagePayload { Content = "x" }, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal((HttpStatusCode)0, result.Status);
        Assert.Contains("connection refused", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoutePath_CallbackRequest_HidesTheToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "interactions/1/secret-token/callback");

        Assert.Equal("interactions/1/:token/callback", DiscordRestClient.RoutePath(request));
    }
}
