using System.Net;
using IncidentBot.Http;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests;

/// <summary>The seeds folder given by Seeds:Path (service) or --seeds (CLI) is the one answers come from.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private const string ShipsQuestion = "How many ships did the lighthouse keeper count?";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ServiceApp_SeedsPathOverride_AnswersFromThatFolder()
    {
        await using var service = await RunningService.StartAsync(TestSeeds.Other);

        var (status, answer) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(ShipsQuestion));
        var (_, sources) = await service.GetJsonAsync("/api/sources");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(answer.GetProperty("answered").GetBoolean(), answer.ToString());
        Assert.Contains("37 ships", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestSeeds.OtherFile, answer.GetProperty("citations")[0].GetProperty("source").GetString());
        Assert.Equal("2021-03-15", answer.GetProperty("citations")[0].GetProperty("date").GetString());
        Assert.Equal(TestSeeds.OtherFile, Assert.Single(sources.EnumerateArray()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task ServiceApp_SeedsPathOverride_DoesNotAnswerFromTheIncidentSeed()
    {
        await using var service = await RunningService.StartAsync(TestSeeds.Other);

        var (status, answer) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(answer.GetProperty("answered").GetBoolean(), answer.ToString());
        Assert.All(answer.GetProperty("citations").EnumerateArray(), c => Assert.Equal(TestSeeds.OtherFile, c.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Cli_SeedsFlag_AnswersFromThatFolder()
    {
        var result = await CliRunner.RunOnAsync(TestSeeds.Other, _temp.Index, "ask", ShipsQuestion, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var answer = result.Json();
        Assert.True(answer.GetProperty("answered").GetBoolean(), answer.ToString());
        Assert.Contains("37 ships", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestSeeds.OtherFile, answer.GetProperty("citations")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Cli_SeedsFlagChangedForSameIndex_RebuildsFromTheNewFolder()
    {
        var first = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "reindex");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("Indexed 2 documents", Assert.Single(first.OutLines), StringComparison.Ordinal);

        var result = await CliRunner.RunOnAsync(TestSeeds.Other, _temp.Index, "sources", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestSeeds.OtherFile, Assert.Single(result.Json().EnumerateArray()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task ServiceApp_UrlsSettingWithoutFlag_ListensThereInsteadOfTheDefault()
    {
        var overrides = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Seeds:Path"] = TestSeeds.Main,
            ["Index:Path"] = _temp.Index,
            ["Admin:ApiKey"] = "",
        };
        await using var app = ServiceApp.Build(urls: null, overrides);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(cts.Token);
        try
        {
            var address = new Uri(Assert.Single(app.Urls));
            Assert.Equal("127.0.0.1", address.Host);
            Assert.NotEqual(8080, address.Port);
            using var client = new HttpClient { BaseAddress = address };
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cts.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await app.StopAsync(cts.Token);
        }
    }
}
