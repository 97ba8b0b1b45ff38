using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Tests.Answers;

/// <summary>The WordNet table of related words and the re-rank credit for a sentence that says the question another way.</summary>
public sealed class RelatedWordsTests : IDisposable
{
    private readonly IndexHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("won", "win")]
    [InlineData("fled", "flee")]
    [InlineData("die", "death")]
    [InlineData("invaded", "invasion")]
    [InlineData("provided", "furnished")]
    public void Default_RelatesFormsTheStemmerCannotJoin(string word, string related)
    {
        Assert.Contains(Stem(related), RelatedWords.Default.Of(Stem(word)));
    }

    [Fact]
    public void Load_AnalysesWordsLikeTheIndex_MergesSharedStemsAndDropsStopWords()
    {
        using var analyzer = TextAnalysis.CreateIndexAnalyzer();
        var table = RelatedWords.Load(new StringReader("provide\tfurnish the\nprovided\tsupplies provides\n"), analyzer);

        Assert.Equal(["furnish", "suppli"], table.Of("provid"));
        Assert.Empty(table.Of("furnish"));
    }

    [Fact]
    public void RelatedWords_SentenceSayingTheQuestionAnotherWay_Counts()
    {
        var entries = SentenceTableBuilder.Build(
            ("a.txt", 1, ["The keeper's death was recorded in 1887.", "The keeper painted the tower in 1887.", "The keeper died in 1887."]));
        var question = SentenceTableBuilder.Question("When did the keeper die?");

        Assert.True(Features(question, entries[0]).RelatedWords > 0, "'death' says 'die' another way");
        Assert.Equal(0, Features(question, entries[1]).RelatedWords);
        Assert.Equal(0, Features(question, entries[2]).RelatedWords); // the word itself is coverage, not a related word
    }

    [Fact]
    public async Task Ask_SentenceThatUsesARelatedWord_BeatsOneThatOnlyRepeatsTheOtherWords()
    {
        // Word for word, the first sentence matches best ("lighthouse" twice); only "death" answers "die".
        const string Death = "The lighthouse keeper's death saddened the whole village.";
        var index = await _harness.CreateReadyIndexAsync(new Dictionary<string, string>
        {
            ["keeper.txt"] = $"The lighthouse keeper painted the lighthouse tower.\n\n{Death}\n\nGulls die young in storms.\n",
        });
        var engine = _harness.CreateEngine(index);
        using var without = new AnswerEngine(index, Options.Create(new RankingOptions { RelatedWords = 0 }));

        Assert.Equal(Death, engine.AskOk("Why did the lighthouse keeper die?").Text);
        Assert.NotEqual(Death, without.AskOk("Why did the lighthouse keeper die?").Text);
    }

    private static RankingFeatures Features(AnalyzedQuestion question, SentenceEntry sentence) =>
        SentenceEvidence.Compute(question, sentence, retrieval: 1, averageLength: 10, SentenceEvidence.ParagraphPhrase(question, sentence.ParagraphEntry));

    private static string Stem(string word)
    {
        using var analyzer = TextAnalysis.CreateIndexAnalyzer();
        return TermMatcher.Tokens(analyzer, word).Single().Term;
    }
}
