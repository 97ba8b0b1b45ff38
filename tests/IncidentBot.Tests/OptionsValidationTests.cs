using System.Net;
using IncidentBot.Http;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests;

/// <summary>
/// A blank path or a weak admin key stops the service at start with a message naming the setting,
/// instead of meaning "the content root" or switching the admin endpoints on with a guessable key.
/// </summary>
public sealed class OptionsValidationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Seeds:Path", "")]
    [InlineData("Seeds:Path", "   ")]
    [InlineData("Index:Path", "")]
    [InlineData("Index:Path", "   ")]
    [InlineData("Admin:ApiKey", "short")]
    [InlineData("Admin:ApiKey", "0123456789abcde")]
    [InlineData("Admin:ApiKey", " padded-key-with-spaces ")]
    [InlineData("Admin:ApiKey", "trailing-space-key-0123 ")]
    [InlineData("Admin:ApiKey", "                ")]
    public async Task ServiceApp_InvalidSetting_StartThrowsNamingTheSetting(string key, string value)
    {
        var overrides = ValidSettings();
        overrides[key] = value;
        await using var app = ServiceApp.Build("http://127.0.0.1:0", overrides);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(cts.Token));

        Assert.Contains(key, string.Join(" ", error.Failures), StringComparison.Ordinal);
        Assert.False(TempDirectory.HasCommit(_temp.Index));
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("")]
    public async Task ServiceApp_AdminKeyOf16CharactersOrNone_Starts(string apiKey)
    {
        var overrides = ValidSettings();
        overrides["Admin:ApiKey"] = apiKey;
        await using var app = ServiceApp.Build("http://127.0.0.1:0", overrides);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await app.StartAsync(cts.Token);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cts.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await app.StopAsync(cts.Token);
        }
    }

    [Theory]
    [InlineData("--seeds", "")]
    [InlineData("--seeds", "   ")]
    [InlineData("--index", "")]
    [InlineData("--index", "   ")]
    public async Task Cli_BlankPathFlag_ExitsTwoWithOneErrorLineNamingTheFlag(string flag, string value)
    {
        string[] paths = flag == "--seeds" ? ["--index", _temp.Index] : ["--seeds", TestSeeds.Main];

        var result = await CliRunner.RunAsync(["ask", "x", "--json", flag, value, .. paths]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(flag, line, StringComparison.Ordinal);
        Assert.False(TempDirectory.HasCommit(_temp.Index));
    }

    [Theory]
    [InlineData("reindex", "--seeds")]
    [InlineData("sources", "--index")]
    [InlineData("eval", "--seeds")]
    public async Task Cli_BlankPathFlagOnOtherVerbs_ExitsTwo(string verb, string flag)
    {
        var questions = _temp.Combine("questions.jsonl");
        await File.WriteAllTextAsync(questions, """{"question": "How many users were targeted?", "expect": ["1,400"]}""");
        string[] verbArgs = verb == "eval" ? [verb, questions] : [verb];

        var result = await CliRunner.RunAsync([.. verbArgs, flag, ""]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(flag, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private Dictionary<string, string?> ValidSettings() => new()
    {
        ["Seeds:Path"] = TestSeeds.Main,
        ["Index:Path"] = _temp.Index,
        ["Admin:ApiKey"] = "",
    };
}
