using IncidentBot.Core.Answers;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Answers;

/// <summary>"Did you mean": a question word the documents never use gets the nearest words they do use, as written there.</summary>
public sealed class DidYouMeanTests(CorpusAFixture corpus) : IClassFixture<CorpusAFixture>
{
    private readonly AnswerEngine _engine = corpus.Engine;

    [Theory]
    [InlineData("How many usres were targeted?", "usres", "users")]
    [InlineData("How many users were tagreted?", "tagreted", "targeted")]
    [InlineData("Who sold the Pegassus spyware?", "Pegassus", "Pegasus")]
    public void Misspelt_SuggestsTheWordAsTheDocumentsWriteIt(string question, string typed, string suggested)
    {
        var answer = _engine.AskOk(question);

        var suggestion = Assert.Single(answer.DidYouMean);
        Assert.Equal(typed, suggestion.Word);
        Assert.Equal(suggested, suggestion.Suggestions[0]);
        var text = SpellingSuggestion.Describe(answer.DidYouMean);
        Assert.StartsWith($"Did you mean \"{suggested}\"", text, StringComparison.Ordinal);
        Assert.EndsWith($"(not \"{typed}\")?", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many users were targeted?")]
    [InlineData("Who won the cricket match?")]
    [InlineData("What about zzqxv?")]
    public void KnownWordsOrNothingNear_NoSuggestion(string question)
    {
        Assert.Empty(_engine.AskOk(question).DidYouMean);
    }

    [Fact]
    public void Describe_SeveralWordsAndAlternatives_OneSentence()
    {
        var text = SpellingSuggestion.Describe([new("usres", ["users", "user"]), new("tagreted", ["targeted"]), new("qq", [])]);

        Assert.Equal("Did you mean \"users\" or \"user\" (not \"usres\"), \"targeted\" (not \"tagreted\")?", text);
        Assert.Null(SpellingSuggestion.Describe([]));
    }
}
