using System.Net;
using System.Net.Http.Headers;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Http;

/// <summary><c>POST /api/reindex</c>: refused without a configured key, 401 without the right bearer key.</summary>
public sealed class HttpAdminTests
{
    private const string Key = "test-admin-key-5f1c";

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Bearer " + Key)]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Reindex_NoKeyConfigured_Returns403ForEveryRequest(string? authorization)
    {
        await using var service = await RunningService.StartAsync(apiKey: "");

        using var response = await service.PostReindexAsync(authorization);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        RunningService.AssertErrorBody(await RunningService.ReadJsonAsync(response));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer " + Key + "x")]
    [InlineData("Bearer " + "test-admin-key-5f1")]
    [InlineData(Key)]
    [InlineData("Basic " + Key)]
    [InlineData("Bearer" + Key)]
    public async Task Reindex_KeyConfiguredWithoutTheRightKey_Returns401WithoutEchoingTheKey(string? authorization)
    {
        await using var service = await RunningService.StartAsync(apiKey: Key);

        using var response = await service.PostReindexAsync(authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await RunningService.ReadJsonAsync(response);
        RunningService.AssertErrorBody(body);
        Assert.DoesNotContain(Key, body.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer " + Key)]
    [InlineData("bearer " + Key)]
    public async Task Reindex_RightKeyAndSeedsUnchanged_Returns200Unchanged(string authorization)
    {
        await using var service = await RunningService.StartAsync(apiKey: Key);

        using var response = await service.PostReindexAsync(authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await RunningService.ReadJsonAsync(response);
        Assert.Equal("unchanged", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("index").GetProperty("documents").GetInt32());
        Assert.Equal(0, body.GetProperty("warnings").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("error").ValueKind);
    }

    [Theory]
    [InlineData("?force=true")]
    [InlineData("?force=1")]
    public async Task Reindex_RightKeyAndForce_Returns200Built(string query)
    {
        await using var service = await RunningService.StartAsync(apiKey: Key);

        using var response = await service.PostReindexAsync("Bearer " + Key, query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await RunningService.ReadJsonAsync(response);
        Assert.Equal("built", body.GetProperty("status").GetString());
        Assert.Equal(12, body.GetProperty("index").GetProperty("paragraphs").GetInt32());
        var (status, answer) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(answer.GetProperty("answered").GetBoolean());
    }

    [Fact]
    public async Task Reindex_GetInsteadOfPost_Returns405NotAnError500()
    {
        await using var service = await RunningService.StartAsync(apiKey: Key);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/reindex", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
