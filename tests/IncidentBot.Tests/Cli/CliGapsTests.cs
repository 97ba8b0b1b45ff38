using System.Text.Json;
using IncidentBot.Core.Conversations;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Cli;

/// <summary><c>incidentbot gaps</c> on a real SQLite question store.</summary>
public sealed class CliGapsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Gaps_UnansweredQuestions_GroupedInText_AnsweredOnesLeftOut()
    {
        var database = await StoreWithAsync(
            ("Who won the cricket world cup?", false),
            ("cricket world cup winner", false),
            ("How many users were targeted?", true));

        var result = await CliRunner.RunAsync("gaps", "--data", database);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("last 30 days (2 questions)", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 questions (2 unanswered, 0 not helpful)", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"Who won the cricket world cup?\"", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("targeted", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_Json_TheReportShape()
    {
        var database = await StoreWithAsync(("Who won the cricket world cup?", false));

        var result = await CliRunner.RunAsync("gaps", "--data", database, "--days", "7", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = result.Json();
        Assert.Equal(7, report.GetProperty("days").GetInt32());
        Assert.Equal(1, report.GetProperty("weakQuestions").GetInt32());
        var gap = Assert.Single(report.GetProperty("gaps").EnumerateArray());
        Assert.Equal(1, gap.GetProperty("unanswered").GetInt32());
        Assert.Contains("cricket", gap.GetProperty("words").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(JsonValueKind.String, gap.GetProperty("lastAsked").ValueKind);
    }

    [Fact]
    public async Task Gaps_NothingWeak_SaysSo()
    {
        var database = await StoreWithAsync(("How many users were targeted?", true));

        var result = await CliRunner.RunAsync("gaps", "--data", database);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No unanswered or unhelpful questions in the last 30 days", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_NoDatabaseThere_ExitsOneWithoutCreatingIt()
    {
        var missing = _temp.Combine("nowhere.db");

        var result = await CliRunner.RunAsync("gaps", "--data", missing);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no question store at", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("--days", "0")]
    [InlineData("--days", "4000")]
    [InlineData("--top", "0")]
    [InlineData("--days", "week")]
    public async Task Gaps_BadNumbers_UsageError(string option, string value)
    {
        var result = await CliRunner.RunAsync("gaps", option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
    }

    private async Task<string> StoreWithAsync(params (string Question, bool Answered)[] asks)
    {
        var path = _temp.Combine("questions.db");
        using var store = new ConversationStore(Options.Create(new DataOptions { Path = path }), NullLogger<ConversationStore>.Instance);
        foreach (var (question, answered) in asks)
        {
            await store.RecordAskAsync(new AskRecord("slack", "U1", question, answered, null, null), CancellationToken.None);
        }

        return path;
    }
}
