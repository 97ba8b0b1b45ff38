using System.Net;
using System.Net.Http.Headers;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Http;

/// <summary>
/// <c>GET /api/gaps</c>: questions asked over the API are recorded, and admins read them back grouped; the
/// report shows what people asked, so it needs the admin key.
/// </summary>
public sealed class HttpGapsTests
{
    private const string AdminKey = "admin-key-for-the-gaps-tests";

    [Fact]
    public async Task Gaps_WithTheKey_ListsTheUnansweredApiQuestionsGrouped()
    {
        await using var service = await RunningService.StartAsync(apiKey: AdminKey);
        await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString("Who won the cricket world cup?"));
        await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString("cricket world cup winner"));
        await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));

        var (status, report) = await GetGapsAsync(service, "Bearer " + AdminKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(30, report.GetProperty("days").GetInt32());
        Assert.Equal(2, report.GetProperty("weakQuestions").GetInt32());
        var gap = Assert.Single(report.GetProperty("gaps").EnumerateArray());
        Assert.Equal(2, gap.GetProperty("questions").GetInt32());
        Assert.Contains("cricket", gap.GetProperty("words").EnumerateArray().Select(w => w.GetString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key-wrong-key-wrong")]
    [InlineData("Basic " + AdminKey)]
    public async Task Gaps_WithoutTheRightKey_401_NothingRevealed(string? authorization)
    {
        await using var service = await RunningService.StartAsync(apiKey: AdminKey);
        await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString("Who won the cricket world cup?"));

        var (status, body) = await GetGapsAsync(service, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        RunningService.AssertErrorBody(body);
        Assert.DoesNotContain("cricket", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_NoAdminKeyConfigured_403()
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await GetGapsAsync(service, "Bearer anything-at-all-here");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        RunningService.AssertErrorBody(body);
    }

    [Theory]
    [InlineData("?days=0")]
    [InlineData("?days=abc")]
    [InlineData("?days=7&days=8")]
    [InlineData("?top=1000")]
    public async Task Gaps_BadNumbers_400(string query)
    {
        await using var service = await RunningService.StartAsync(apiKey: AdminKey);

        var (status, body) = await GetGapsAsync(service, "Bearer " + AdminKey, query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        RunningService.AssertErrorBody(body);
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> GetGapsAsync(RunningService service, string? authorization, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/gaps" + query, UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await service.Client.SendAsync(request);
        return (response.StatusCode, await RunningService.ReadJsonAsync(response));
    }
}
