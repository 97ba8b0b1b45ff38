using System.Net;
using IncidentBot.Core.Health;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Discord.Tests.Integration.Rest;

/// <summary>Server errors and network faults are retried; 401s stop the sender; none of it throws.</summary>
public sealed class DiscordRestRetryTests
{
    private const string ServerError = """{"message":"500: Internal Server Error","code":0}""";

    [Fact]
    public async Task GetGatewayBotAsync_OneServerError_RetriesAndSucceeds()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Fake.EnqueueFailure("GET", "/gateway/bot", 500, ServerError);

        var result = await harness.Rest.GetGatewayBotAsync(harness.Timeout);

        Assert.True(result.IsSuccess, result.Result.ToString());
        Assert.Equal(2, harness.Fake.Requests.Count);
    }

    [Fact]
    public async Task GetGatewayBotAsync_ServerErrorOnEveryAttempt_Returns500AfterRestRetriesPlusOneRequests()
    {
        await using var harness = await RestHarness.StartAsync();
        var attempts = harness.Options.RestRetries + 1;
        for (var i = 0; i < attempts; i++)
        {
            harness.Fake.EnqueueFailure("GET", "/gateway/bot", 500, ServerError);
        }

        var result = await harness.Rest.GetGatewayBotAsync(harness.Timeout);

        Assert.False(result.IsSuccess);
        Assert.Equal(HttpStatusCode.InternalServerError, result.Result.Status);
        Assert.Null(result.Value);
        Assert.Equal(4, attempts); // The default Discord:RestRetries is 3.
        Assert.Equal(attempts, harness.Fake.Requests.Count);
    }

    [Fact]
    public async Task GetGatewayBotAsync_NothingListening_ReturnsFaultWithoutThrowing()
    {
        var port = RestHarness.ClosedPort();
        await using var harness = await RestHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:ApiBaseUrl"] = $"http://127.0.0.1:{port}/api/v10",
        });

        var result = await harness.Rest.GetGatewayBotAsync(harness.Timeout);

        Assert.False(result.IsSuccess);
        Assert.Equal((HttpStatusCode)0, result.Result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Result.Message));
        Assert.Empty(harness.Fake.Requests);
    }

    [Fact]
    public async Task GetGatewayBotAsync_RepeatedUnauthorized_StopsAndSendsNothingMore()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Fake.Token = "a-token-reset-in-the-developer-portal";
        for (var i = 0; i < DiscordRateLimitHandler.InvalidRequestLimit; i++)
        {
            var refused = await harness.Rest.GetGatewayBotAsync(harness.Timeout);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.Result.Status);
        }

        Assert.True(harness.State.Stopped);
        Assert.Equal(5, harness.Fake.Requests.Count);

        // Nothing can reach Discord any more (answers included): readiness must say so.
        var failed = Assert.Single(harness.Services.GetRequiredService<ConnectionHealth>().Failed);
        Assert.Equal(DiscordRateLimitHandler.HealthName, failed.Name);
        Assert.Contains("Discord:Token", failed.Detail, StringComparison.Ordinal);

        var result = await harness.Rest.GetGatewayBotAsync(harness.Timeout);

        Assert.False(result.IsSuccess);
        Assert.Equal(5, harness.Fake.Requests.Count);
        Assert.Contains(harness.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Discord:Token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditOriginalResponseAsync_ExpiredInteractionTokens_DoNotStopTheBotTokenRoutes()
    {
        // Discord answers 401 "Invalid Webhook Token" (50027) to edits after an interaction token expired
        // (15 minutes). That says nothing about the bot token: it must not silence every other call.
        await using var harness = await RestHarness.StartAsync();
        var defer = new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource);
        var tokens = new List<string>();
        for (var i = 0; i < DiscordRateLimitHandler.InvalidRequestLimit; i++)
        {
            var id = $"12000000000000001{i:00}";
            var token = "expired-" + Guid.NewGuid().ToString("N");
            Assert.True((await harness.Rest.CreateInteractionResponseAsync(id, token, defer, harness.Timeout)).IsSuccess);
            harness.Fake.ExpiredInteractions.Add(id);
            tokens.Add(token);
        }

        foreach (var token in tokens)
        {
            var edit = await harness.Rest.EditOriginalResponseAsync(
                harness.Fake.ApplicationId, token, new MessagePayload { Content = "late" }, harness.Timeout);
            Assert.Equal(50027, edit.Code);
        }

        var sent = harness.Fake.Requests.Count;
        var gateway = await harness.Rest.GetGatewayBotAsync(harness.Timeout);

        Assert.False(harness.State.Stopped, "five expired interaction tokens stopped all REST calls");
        Assert.True(gateway.IsSuccess, gateway.Result.ToString());
        Assert.Equal(sent + 1, harness.Fake.Requests.Count);
    }

    [Fact]
    public async Task GetGatewayBotAsync_UnauthorizedThenSuccess_DoesNotStop()
    {
        await using var harness = await RestHarness.StartAsync();
        var token = harness.Fake.Token;
        harness.Fake.Token = "a-token-reset-in-the-developer-portal";
        for (var i = 0; i < DiscordRateLimitHandler.InvalidRequestLimit - 1; i++)
        {
            await harness.Rest.GetGatewayBotAsync(harness.Timeout);
        }

        harness.Fake.Token = token;
        Assert.True((await harness.Rest.GetGatewayBotAsync(harness.Timeout)).IsSuccess);
        harness.Fake.Token = "a-token-reset-in-the-developer-portal";
        await harness.Rest.GetGatewayBotAsync(harness.Timeout);

        Assert.False(harness.State.Stopped); // A success resets the count of 401s in a row.
    }
}
