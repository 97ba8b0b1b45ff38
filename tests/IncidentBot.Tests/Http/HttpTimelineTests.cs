using System.Net;
using System.Text.Json;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Http;

/// <summary><c>GET /api/timeline</c> on the real service.</summary>
public sealed class HttpTimelineTests
{
    [Fact]
    public async Task Timeline_AllEvents_OldestFirst_WithSentenceAndCitation()
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await service.GetJsonAsync("/api/timeline");

        Assert.Equal(HttpStatusCode.OK, status);
        var events = body.GetProperty("events").EnumerateArray().ToList();
        var starts = events.Select(e => e.GetProperty("start").GetString()).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        var friday = Assert.Single(events, e => e.GetProperty("expression").GetString() == "on Friday");
        Assert.Equal("2019-11-01", friday.GetProperty("date").GetString());
        Assert.Equal(TestSeeds.SeedDate, friday.GetProperty("documentDate").GetString());
        Assert.Contains("on Friday", friday.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("asOf").ValueKind);
    }

    [Fact]
    public async Task Timeline_AsOfBeforeEveryDocument_Empty()
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await service.GetJsonAsync("/api/timeline?as_of=2019-10-31");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task Ask_AsOf_OnlyDocumentsOfThatTime_BadDate400()
    {
        await using var service = await RunningService.StartAsync();
        var question = "/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion);

        var (beforeStatus, before) = await service.GetJsonAsync(question + "&as_of=2019-10-31");
        var (_, after) = await service.GetJsonAsync(question + "&as_of=2019-11-01");
        var (badStatus, bad) = await service.GetJsonAsync(question + "&as_of=31/10/2019");

        Assert.Equal(HttpStatusCode.OK, beforeStatus);
        Assert.False(before.GetProperty("answered").GetBoolean());
        Assert.Contains("1,400", after.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        RunningService.AssertErrorBody(bad);
    }

    [Theory]
    [InlineData("?as_of=2019-02-30")]
    [InlineData("?as_of=soon")]
    [InlineData("?as_of=2019-11-01&as_of=2019-11-02")]
    public async Task Timeline_BadAsOf_400(string query)
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await service.GetJsonAsync("/api/timeline" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        RunningService.AssertErrorBody(body);
    }
}
