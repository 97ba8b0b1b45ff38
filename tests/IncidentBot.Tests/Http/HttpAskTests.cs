using System.Net;
using System.Text.Json;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Http;

/// <summary><c>GET /api/ask</c>, <c>/api/sources</c>, <c>/healthz</c> and <c>/readyz</c> on a real Kestrel.</summary>
public sealed class HttpAskTests
{
    [Fact]
    public async Task Healthz_Running_Returns200Alive()
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await service.GetJsonAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("alive", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_AfterBuild_Returns200WithTheSnapshot()
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await service.GetJsonAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("index").GetProperty("documents").GetInt32());
        Assert.True(TempDirectory.HasCommit(service.IndexPath));
    }

    [Fact]
    public async Task Ask_AnswerableQuestion_Returns200WithThePinnedShape()
    {
        await using var service = await RunningService.StartAsync();

        var (status, answer) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));

        Assert.Equal(HttpStatusCode.OK, status);
        AnswerJson.AssertShape(answer);
        Assert.Equal(TestSeeds.TargetedQuestion, answer.GetProperty("question").GetString());
        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.Contains("1,400", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var first = answer.GetProperty("citations")[0];
        Assert.Equal(TestSeeds.SeedFile, first.GetProperty("source").GetString());
        Assert.Equal(TestSeeds.SeedDate, first.GetProperty("date").GetString());
        Assert.Equal(10, first.GetProperty("paragraph").GetInt32());
        Assert.Equal(1, first.GetProperty("sentence").GetInt32());
    }

    [Fact]
    public async Task Ask_UnanswerableQuestion_Returns200AnsweredFalse()
    {
        await using var service = await RunningService.StartAsync();

        var (status, answer) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.UnanswerableQuestion));

        Assert.Equal(HttpStatusCode.OK, status);
        AnswerJson.AssertShape(answer);
        Assert.False(answer.GetProperty("answered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("answer").ValueKind);
    }

    [Theory]
    [InlineData("NSO AND (Group OR \"Pegasus\"~2)*?")]
    [InlineData("title:foo [a TO b] ^2 \\")]
    [InlineData("* ? ~ ^ : / {")]
    public async Task Ask_LuceneSyntaxInQuestion_Returns200(string question)
    {
        await using var service = await RunningService.StartAsync();

        var (status, answer) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(question));

        Assert.Equal(HttpStatusCode.OK, status);
        AnswerJson.AssertShape(answer);
        Assert.Equal(question, answer.GetProperty("question").GetString());
    }

    [Fact]
    public async Task Ask_TopTwo_ReturnsTwoCitations()
    {
        await using var service = await RunningService.StartAsync();

        var (status, answer) = await service.GetJsonAsync("/api/ask?top=2&q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, answer.GetProperty("citations").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/ask")]
    [InlineData("/api/ask?q=")]
    [InlineData("/api/ask?q=%20%20%20")]
    [InlineData("/api/ask?q=%00%01")]
    [InlineData("/api/ask?q=users&q=targeted")]
    [InlineData("/api/ask?q=users&top=abc")]
    [InlineData("/api/ask?q=users&top=0")]
    [InlineData("/api/ask?q=users&top=21")]
    [InlineData("/api/ask?q=users&top=-1")]
    [InlineData("/api/ask?q=users&top=2&top=3")]
    public async Task Ask_InvalidRequest_Returns400WithJsonError(string pathAndQuery)
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await service.GetJsonAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        RunningService.AssertErrorBody(body);
    }

    [Fact]
    public async Task Ask_QuestionOf501Characters_Returns400NamingTheLimit()
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await service.GetJsonAsync("/api/ask?q=" + new string('a', 501));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        RunningService.AssertErrorBody(body);
        Assert.Contains("500", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_Running_ListsTheSeedDocuments()
    {
        await using var service = await RunningService.StartAsync();

        var (status, sources) = await service.GetJsonAsync("/api/sources");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, sources.GetArrayLength());
        Assert.Equal(TestSeeds.SeedFile, sources[0].GetProperty("source").GetString());
        Assert.Equal(TestSeeds.SeedDate, sources[0].GetProperty("date").GetString());
        Assert.Equal(TestSeeds.NotesFile, sources[1].GetProperty("source").GetString());
        Assert.Equal(TestSeeds.NotesTitle, sources[1].GetProperty("title").GetString());
        Assert.Equal(TestSeeds.NotesUrl, sources[1].GetProperty("url").GetString());
    }
}
