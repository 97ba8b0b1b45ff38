using System.Net;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Discord.Tests.Unit.Rest;

/// <summary>The rate-limit handler over a recording stub, on a fake clock: "waits" means "not sent until the clock moves".</summary>
public sealed class DiscordRateLimitHandlerTests : IDisposable
{
    private const string Api = "https://discord.test/api/v10/";
    private const string RouteA = "channels/111/messages";
    private const string RouteB = "channels/222/messages";

    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly RecordingHttpHandler _stub;
    private readonly DiscordRateLimitState _state = new();
    private readonly HttpMessageInvoker _invoker;

    public DiscordRateLimitHandlerTests()
    {
        _stub = new RecordingHttpHandler(_time);
        _invoker = NewInvoker(_state);
    }

    public void Dispose() => _invoker.Dispose();

    [Fact]
    public async Task SendAsync_BucketEmptied_NextRequestToTheRouteWaitsForTheReset()
    {
        _stub.Respond = (_, n) => n == 0 ? Emptied("0.2") : Ok();
        using (var first = await SendAsync(RouteA))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var second = SendAsync(RouteA);
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Equal(1, _stub.Count);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _stub.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(200), _stub.Requests[1].At - _stub.Requests[0].At);
    }

    [Fact]
    public async Task SendAsync_BucketEmptied_OtherRouteDoesNotWait()
    {
        _stub.Respond = (_, n) => n == 0 ? Emptied("5") : Ok();
        (await SendAsync(RouteA)).Dispose();

        using var other = await SendAsync(RouteB).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(_stub.Requests[0].At, _stub.Requests[1].At);
    }

    [Fact]
    public async Task SendAsync_BucketEmptied_SameRouteOtherMethodDoesNotWait()
    {
        _stub.Respond = (_, n) => n == 0 ? Emptied("5") : Ok();
        (await SendAsync(RouteA, HttpMethod.Post)).Dispose();

        using var other = await SendAsync(RouteA, HttpMethod.Get).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData("1", null)]
    [InlineData("0", "garbage")]
    [InlineData("0", "-1")]
    public async Task SendAsync_BucketNotEmptyOrResetUnreadable_DoesNotWait(string remaining, string? resetAfter)
    {
        _stub.Respond = (_, n) =>
        {
            var response = Ok();
            response.Headers.Add("X-RateLimit-Remaining", remaining);
            if (resetAfter is not null)
            {
                response.Headers.Add("X-RateLimit-Reset-After", resetAfter);
            }

            return response;
        };
        (await SendAsync(RouteA)).Dispose();

        using var second = await SendAsync(RouteA).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _stub.Count);
    }

    [Fact]
    public async Task SendAsync_HugeResetAfter_WaitsAtMostSixtySeconds()
    {
        _stub.Respond = (_, n) => n == 0 ? Emptied("3600") : Ok();
        (await SendAsync(RouteA)).Dispose();

        var second = SendAsync(RouteA);
        _time.Advance(TimeSpan.FromSeconds(60));
        using var response = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _stub.Count);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_RetriedAfterTheWaitAndTheSecondAnswerReturned()
    {
        _stub.Respond = (_, n) => n == 0
            ? RecordingHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"message":"You are being rate limited.","retry_after":0.1,"global":false}""")
            : RecordingHttpHandler.Json(HttpStatusCode.OK, """{"answer":2}""");

        using var response = await _time.AdvanceUntilDoneAsync(SendAsync(RouteA), TimeSpan.FromMilliseconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"answer":2}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, _stub.Count);
        Assert.True(_stub.Requests[1].At - _stub.Requests[0].At >= TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterHeaderOnly_WaitsThoseSeconds()
    {
        _stub.Respond = (_, n) =>
        {
            if (n > 0)
            {
                return Ok();
            }

            var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("error code: 1015") };
            limited.Headers.Add("Retry-After", "2");
            return limited;
        };

        using var response = await _time.AdvanceUntilDoneAsync(SendAsync(RouteA), TimeSpan.FromMilliseconds(250));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_stub.Requests[1].At - _stub.Requests[0].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task SendAsync_429Repeatedly_GivesUpAfterThreeRetries()
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"message":"slow down","retry_after":0,"global":false}""");

        using var response = await SendAsync(RouteA).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1 + DiscordRateLimitHandler.RateLimitRetries, _stub.Count);
    }

    [Fact]
    public async Task SendAsync_Global429_BlocksOtherRoutesUntilRetryAfter()
    {
        _stub.Respond = (_, n) => n == 0
            ? RecordingHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"message":"You are being rate limited.","retry_after":0.5,"global":true}""")
            : Ok();

        var first = SendAsync(RouteA);
        await FakeClock.WaitUntilAsync(() => _state.GlobalBlockedUntil > _time.GetUtcNow(), "the global limit is recorded");
        var other = SendAsync(RouteB);
        Assert.False(other.IsCompleted);
        Assert.Equal(1, _stub.Count);

        await _time.AdvanceUntilDoneAsync(Task.WhenAll(first, other), TimeSpan.FromMilliseconds(100));

        Assert.Equal(3, _stub.Count);
        var blockedAt = _stub.Requests[0].At;
        Assert.All(_stub.Requests.Skip(1), r => Assert.True(r.At - blockedAt >= TimeSpan.FromMilliseconds(500), $"sent after {r.At - blockedAt}"));
        (await first).Dispose();
        (await other).Dispose();
    }

    [Fact]
    public async Task SendAsync_Global429_DoesNotHoldInteractionResponses()
    {
        // Interaction endpoints are not bound to the global limit: a reply must not miss its 3 s because of it.
        _stub.Respond = (_, n) => n == 0
            ? RecordingHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"message":"You are being rate limited.","retry_after":30,"global":true}""")
            : Ok();

        var first = SendAsync(RouteA);
        await FakeClock.WaitUntilAsync(() => _state.GlobalBlockedUntil > _time.GetUtcNow(), "the global limit is recorded");
        using var callback = await SendAsync("interactions/1234/token-abc/callback", HttpMethod.Post).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.False(first.IsCompleted);
        (await _time.AdvanceUntilDoneAsync(first, TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task SendAsync_ExpiredInteractionTokens_DoNotStopTheSender()
    {
        // 401 on a webhook route means that interaction's token expired, not that the bot token is wrong.
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.Unauthorized, """{"message":"Invalid Webhook Token","code":50027}""");
        for (var i = 0; i < DiscordRateLimitHandler.InvalidRequestLimit + 2; i++)
        {
            (await SendAsync($"webhooks/1100000000000000001/token-{i}/messages/@original", HttpMethod.Patch)).Dispose();
        }

        Assert.False(_state.Stopped);
    }

    [Fact]
    public async Task SendAsync_GlobalHeaderWithRouteBody_IsGlobal()
    {
        _stub.Respond = (_, n) =>
        {
            if (n > 0)
            {
                return Ok();
            }

            var limited = RecordingHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"message":"limited","retry_after":0.5}""");
            limited.Headers.Add("X-RateLimit-Global", "true");
            return limited;
        };

        var first = SendAsync(RouteA);
        await FakeClock.WaitUntilAsync(() => _state.GlobalBlockedUntil > _time.GetUtcNow(), "the global limit is recorded");
        var other = SendAsync(RouteB);

        Assert.False(other.IsCompleted);
        await _time.AdvanceUntilDoneAsync(Task.WhenAll(first, other), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task SendAsync_Route429_DoesNotBlockOtherRoutes()
    {
        _stub.Respond = (_, n) => n == 0
            ? RecordingHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"message":"limited","retry_after":5,"global":false}""")
            : Ok();

        var first = SendAsync(RouteA);
        await FakeClock.WaitUntilAsync(() => _stub.Count == 1, "the first request is answered");
        using var other = await SendAsync(RouteB).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.False(first.IsCompleted);
        (await _time.AdvanceUntilDoneAsync(first, TimeSpan.FromSeconds(1))).Dispose();
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task SendAsync_FiveInvalidInARow_StopsAndRefusesWithoutSending(HttpStatusCode status)
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(status, """{"message":"401: Unauthorized","code":0}""");
        for (var i = 0; i < DiscordRateLimitHandler.InvalidRequestLimit; i++)
        {
            Assert.False(_state.Stopped, $"stopped after {i} answers");
            using var response = await SendAsync(RouteA);
            Assert.Equal(status, response.StatusCode);
        }

        Assert.True(_state.Stopped);
        using var refused = await SendAsync(RouteB);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("stopped", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DiscordRateLimitHandler.InvalidRequestLimit, _stub.Count);
    }

    [Fact]
    public async Task SendAsync_SuccessBetweenInvalidAnswers_ResetsTheCount()
    {
        var script = new[] { 401, 401, 401, 401, 200, 401, 403, 401, 401 };
        _stub.Respond = (_, n) => n < script.Length
            ? RecordingHttpHandler.Json((HttpStatusCode)script[n], "{}")
            : RecordingHttpHandler.Json(HttpStatusCode.Unauthorized, "{}");

        foreach (var _ in script)
        {
            (await SendAsync(RouteA)).Dispose();
        }

        Assert.False(_state.Stopped);
        (await SendAsync(RouteA)).Dispose();
        Assert.True(_state.Stopped);
        Assert.Equal(script.Length + 1, _stub.Count);
    }

    [Fact]
    public async Task SendAsync_StoppedState_IsSharedByNewHandlerInstances()
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.Unauthorized, "{}");
        for (var i = 0; i < DiscordRateLimitHandler.InvalidRequestLimit; i++)
        {
            (await SendAsync(RouteA)).Dispose();
        }

        using var recycled = NewInvoker(_state);
        using var refused = await recycled.SendAsync(new HttpRequestMessage(HttpMethod.Get, Api + RouteA), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(DiscordRateLimitHandler.InvalidRequestLimit, _stub.Count);
    }

    [Fact]
    public async Task SendAsync_CancelledWhileWaitingForTheBucket_Throws()
    {
        _stub.Respond = (_, n) => n == 0 ? Emptied("10") : Ok();
        (await SendAsync(RouteA)).Dispose();
        using var cts = new CancellationTokenSource();

        var waiting = _invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Api + RouteA), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, _stub.Count);
    }

    private static HttpResponseMessage Ok() => RecordingHttpHandler.Json(HttpStatusCode.OK, "{}");

    private static HttpResponseMessage Emptied(string resetAfter)
    {
        var response = Ok();
        response.Headers.Add("X-RateLimit-Limit", "5");
        response.Headers.Add("X-RateLimit-Remaining", "0");
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter);
        response.Headers.Add("X-RateLimit-Bucket", "abcd1234");
        return response;
    }

    private HttpMessageInvoker NewInvoker(DiscordRateLimitState state) =>
        new(new DiscordRateLimitHandler(state, _time, NullLogger<DiscordRateLimitHandler>.Instance) { InnerHandler = _stub });

    private Task<HttpResponseMessage> SendAsync(string route, HttpMethod? method = null) =>
        _invoker.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, Api + route), CancellationToken.None);
}
