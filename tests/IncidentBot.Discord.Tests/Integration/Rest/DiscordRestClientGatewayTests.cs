using System.Net;

namespace IncidentBot.Discord.Tests.Integration.Rest;

/// <summary><c>GET /gateway/bot</c> through the production-wired client against the fake Discord.</summary>
public sealed class DiscordRestClientGatewayTests
{
    [Fact]
    public async Task GetGatewayBotAsync_ValidToken_ReturnsFakesUrlShardsAndConcurrency()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Fake.RecommendedShards = 3;
        harness.Fake.MaxConcurrency = 2;

        var result = await harness.Rest.GetGatewayBotAsync(harness.Timeout);

        Assert.True(result.IsSuccess, result.Result.ToString());
        Assert.Equal(HttpStatusCode.OK, result.Result.Status);
        Assert.Equal(harness.Fake.GatewayUrl.AbsoluteUri, result.Value!.Url);
        Assert.Equal(3, result.Value.Shards);
        Assert.Equal(2, result.Value.SessionStartLimit?.MaxConcurrency);
        Assert.Equal(999, result.Value.SessionStartLimit?.Remaining);
    }

    [Fact]
    public async Task GetGatewayBotAsync_AnyCall_SendsBotAuthorizationAndDiscordUserAgent()
    {
        await using var harness = await RestHarness.StartAsync();

        await harness.Rest.GetGatewayBotAsync(harness.Timeout);

        var request = Assert.Single(harness.Fake.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v10/gateway/bot", request.Path);
        Assert.Equal("Bot " + harness.BotToken, request.Header("Authorization"));
        Assert.StartsWith("DiscordBot (", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Empty(harness.Fake.Violations);
    }

    [Fact]
    public async Task GetGatewayBotAsync_WrongToken_Returns401ResultWithoutValue()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Fake.Token = "a-token-reset-in-the-developer-portal";

        var result = await harness.Rest.GetGatewayBotAsync(harness.Timeout);

        Assert.False(result.IsSuccess);
        Assert.Equal(HttpStatusCode.Unauthorized, result.Result.Status);
        Assert.Null(result.Value);
        Assert.Single(harness.Fake.Requests); // 401 is not retried.
    }
}
