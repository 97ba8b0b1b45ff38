using System.Net;
using System.Text.Json;
using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Tests.Integration.Rest;

/// <summary>Interaction callbacks and webhook edits: Discord's refusals come back as values, tokens stay out of logs.</summary>
public sealed class DiscordRestInteractionTests
{
    private static readonly InteractionResponse Hello =
        new(InteractionCallbackType.ChannelMessageWithSource, new MessagePayload { Content = "hello" });

    private static readonly InteractionResponse Defer =
        new(InteractionCallbackType.DeferredChannelMessageWithSource, new MessagePayload { Flags = MessageFlags.Ephemeral });

    [Fact]
    public async Task CreateInteractionResponseAsync_SecondResponse_ReturnsCode40060()
    {
        await using var harness = await RestHarness.StartAsync();
        var token = InteractionToken();

        var first = await harness.Rest.CreateInteractionResponseAsync("1200000000000000001", token, Hello, harness.Timeout);
        var second = await harness.Rest.CreateInteractionResponseAsync("1200000000000000001", token, Hello, harness.Timeout);

        Assert.True(first.IsSuccess, first.ToString());
        Assert.Equal(HttpStatusCode.NoContent, first.Status);
        Assert.False(second.IsSuccess);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal(40060, second.Code);
        Assert.Equal(2, harness.Fake.Requests.Count); // A 4xx is an answer, not a fault to retry.
        Assert.Empty(harness.Fake.Violations);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_ExpiredInteraction_ReturnsCode10062()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Fake.ExpiredInteractions.Add("1200000000000000002");

        var result = await harness.Rest.CreateInteractionResponseAsync("1200000000000000002", InteractionToken(), Defer, harness.Timeout);

        Assert.False(result.IsSuccess);
        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal(10062, result.Code);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_Defer_PostsToCallbackRouteWithBody()
    {
        await using var harness = await RestHarness.StartAsync();
        var token = InteractionToken();

        var result = await harness.Rest.CreateInteractionResponseAsync("1200000000000000003", token, Defer, harness.Timeout);

        Assert.True(result.IsSuccess, result.ToString());
        var request = Assert.Single(harness.Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/api/v10/interactions/1200000000000000003/{token}/callback", request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(5, body.RootElement.GetProperty("type").GetInt32());
        Assert.Equal(64, body.RootElement.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task EditOriginalResponseAsync_AfterDefer_PatchesOriginalMessageRoute()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Fake.RequireCallbackBeforeWebhook = true;
        var token = InteractionToken();
        Assert.True((await harness.Rest.CreateInteractionResponseAsync("1200000000000000004", token, Defer, harness.Timeout)).IsSuccess);

        var result = await harness.Rest.EditOriginalResponseAsync(
            harness.Fake.ApplicationId, token, new MessagePayload { Content = "the answer" }, harness.Timeout);

        Assert.True(result.IsSuccess, result.ToString());
        var request = harness.Fake.Requests[^1];
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"/api/v10/webhooks/{harness.Fake.ApplicationId}/{token}/messages/@original", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("the answer", body.RootElement.GetProperty("content").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Empty(harness.Fake.Violations);
    }

    [Fact]
    public async Task RestCalls_SuccessesFailuresAndRetries_NeverLogTheInteractionOrBotToken()
    {
        await using var harness = await RestHarness.StartAsync();
        var token = InteractionToken();
        var expiredToken = InteractionToken();
        var app = harness.Fake.ApplicationId;
        harness.Fake.ExpiredInteractions.Add("1200000000000000006");
        harness.Fake.EnqueueRateLimit("POST", "/callback", 0.05);
        harness.Fake.EnqueueFailure("PATCH", "/messages/", 500, """{"message":"500: Internal Server Error","code":0}""");

        await harness.Rest.CreateInteractionResponseAsync("1200000000000000005", token, Defer, harness.Timeout); // 429, then 204
        await harness.Rest.CreateInteractionResponseAsync("1200000000000000005", token, Defer, harness.Timeout); // 40060
        await harness.Rest.EditOriginalResponseAsync(app, token, new MessagePayload { Content = "done" }, harness.Timeout); // 500, then 200
        await harness.Rest.CreateInteractionResponseAsync("1200000000000000006", expiredToken, Defer, harness.Timeout); // 10062
        await harness.Rest.EditOriginalResponseAsync(app, InteractionToken(), new MessagePayload(), harness.Timeout); // no initial response yet
        harness.Fake.Token = "a-token-reset-in-the-developer-portal";
        await harness.Rest.GetGatewayBotAsync(harness.Timeout); // 401

        Assert.NotEmpty(harness.Logs.Lines);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("40060", StringComparison.Ordinal)); // The failures were logged...
        AssertNeverLogged(harness, token, "interaction token"); // ...without the credentials.
        AssertNeverLogged(harness, expiredToken, "interaction token");
        AssertNeverLogged(harness, harness.BotToken, "bot token");
    }

    private static void AssertNeverLogged(RestHarness harness, string secret, string what)
    {
        var lines = harness.Logs.LinesContaining(secret);
        Assert.True(lines.Count == 0, $"The {what} appears in {lines.Count} log line(s), e.g.:\n{string.Join('\n', lines.Take(4))}");
    }

    /// <summary>Interaction tokens are long opaque strings; a GUID makes each one findable in logs.</summary>
    private static string InteractionToken() => "aW50ZXJhY3Rpb246" + Guid.NewGuid().ToString("N");
}
