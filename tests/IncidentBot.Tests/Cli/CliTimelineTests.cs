using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Cli;

/// <summary><c>incidentbot timeline</c> on the fixture seeds (the news report dated 2019-11-01 and notes dated 2019-11-04).</summary>
public sealed class CliTimelineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Timeline_Text_EventsInDateOrder_RelativeDatesResolved_ExpressionMarked()
    {
        var result = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "timeline");

        Assert.True(result.ExitCode == 0, result.ToString());
        var dates = result.OutLines.Select(l => l.Split(' ', 2)[0]).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Contains(result.OutLines, l => l.StartsWith("2019-10-31", StringComparison.Ordinal) && l.Contains("**On Thursday**", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("2019-11-01", StringComparison.Ordinal) && l.Contains("**on Friday**", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("2019-05 ", StringComparison.Ordinal) && l.Contains("**in May**", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("2019-11-04", StringComparison.Ordinal) && l.Contains(TestSeeds.NotesFile, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timeline_JsonAsOf_OnlyDocumentsDatedOnOrBefore()
    {
        var all = (await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "timeline", "--json")).Json();
        var result = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "timeline", "--json", "--as-of", "2019-11-03");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = result.Json();
        Assert.Equal("2019-11-03", report.GetProperty("asOf").GetString());
        var events = report.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        Assert.True(events.Count < all.GetProperty("events").GetArrayLength());
        Assert.All(events, e => Assert.Equal(TestSeeds.SeedFile, e.GetProperty("source").GetString()));
        var thursday = Assert.Single(events, e => e.GetProperty("expression").GetString() == "On Thursday");
        Assert.Equal("2019-10-31", thursday.GetProperty("date").GetString());
        Assert.Equal("day", thursday.GetProperty("precision").GetString());
        Assert.True(thursday.GetProperty("relative").GetBoolean());
        Assert.Equal(8, thursday.GetProperty("paragraph").GetInt32());
    }

    [Fact]
    public async Task Ask_AsOf_AnswersOnlyFromDocumentsOfThatTime()
    {
        var before = (await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "ask", TestSeeds.TargetedQuestion, "--json", "--as-of", "2019-10-31")).Json();
        var after = (await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "ask", TestSeeds.TargetedQuestion, "--json", "--as-of", "2019-11-01")).Json();

        Assert.False(before.GetProperty("answered").GetBoolean());
        Assert.Contains("2019-10-31", before.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("1,400", after.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.All(after.GetProperty("citations").EnumerateArray(), c => Assert.Equal(TestSeeds.SeedFile, c.GetProperty("source").GetString()));
    }

    [Theory]
    [InlineData("2019-13-01")]
    [InlineData("yesterday")]
    [InlineData("01/11/2019")]
    public async Task Timeline_BadAsOf_UsageError(string asOf)
    {
        var result = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "timeline", "--as-of", asOf);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("YYYY-MM-DD", result.Error, StringComparison.Ordinal);
    }
}
