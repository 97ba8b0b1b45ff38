using IncidentBot.Core.Answers;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Answers;

/// <summary><c>as_of</c>: answers only from documents dated on or before a day ("what did we know then").</summary>
public sealed class AsOfAnswerTests : IDisposable
{
    private readonly IndexHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task AsOf_AnswersFromTheDocumentsOfThatTimeOnly()
    {
        var engine = await EngineAsync();

        var early = engine.Ask("How many users were affected?", asOf: new DateOnly(2019, 11, 2)).Answer!;
        var late = engine.Ask("How many users were affected?", asOf: new DateOnly(2019, 11, 30)).Answer!;
        var all = engine.Ask("How many users were affected?").Answer!;

        Assert.Contains("1,400", early.Text, StringComparison.Ordinal);
        Assert.All(early.Citations, c => Assert.Equal("early.md", c.Source));
        Assert.Equal(["early.md", "late.md"], late.Citations.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(late.Citations.Select(c => c.Source), all.Citations.Select(c => c.Source));
    }

    [Fact]
    public async Task AsOfBeforeEveryDocument_NotAnswered_SaysWhyInTermsOfTheDate()
    {
        var engine = await EngineAsync();

        var answer = engine.Ask("How many users were affected?", asOf: new DateOnly(2019, 10, 1)).Answer!;

        Assert.False(answer.Answered);
        Assert.Empty(answer.Citations);
        Assert.Equal("No document dated on or before 2019-10-01 answers this question.", answer.Message);
    }

    [Fact]
    public async Task UndatedDocuments_LeftOutOfAnyAsOf()
    {
        var engine = await EngineAsync();

        var answer = engine.Ask("Which keeper logged the storm?", asOf: new DateOnly(2030, 1, 1)).Answer!;

        Assert.DoesNotContain(answer.Citations, c => c.Source == "undated.txt");
    }

    private async Task<AnswerEngine> EngineAsync()
    {
        var index = await _harness.CreateReadyIndexAsync(new Dictionary<string, string>
        {
            ["early.md"] = "---\ndate: 2019-11-01\n---\nOver 1,400 users were affected by the breach.",
            ["late.md"] = "---\ndate: 2019-11-20\n---\nThe count was revised: about 2,000 users were affected by the breach.",
            ["undated.txt"] = "The keeper logged the storm.",
        });
        return _harness.CreateEngine(index);
    }
}
