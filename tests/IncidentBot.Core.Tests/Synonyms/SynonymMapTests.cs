using IncidentBot.Core.Indexing;
using IncidentBot.Core.Synonyms;
using Lucene.Net.Analysis;

namespace IncidentBot.Core.Tests.Synonyms;

/// <summary>Solr-format synonyms, analysed like questions: equivalences, one-way rules, multi-word entries, bad lines.</summary>
public sealed class SynonymMapTests : IDisposable
{
    private readonly Analyzer _analyzer = TextAnalysis.CreateQuestionAnalyzer();

    public void Dispose() => _analyzer.Dispose();

    [Fact]
    public void Equivalence_EachEntryExpandsToTheOthers_MultiWordEntriesMatchInOrder()
    {
        var map = Parse("NSO, NSO Group, Q Cyber Technologies");

        Assert.Equal(["q cyber technolog"], Expand(map, "Who owns NSO Group?").Where(e => e.StartsWith('q')));
        Assert.Contains("nso group", Expand(map, "Is Q Cyber Technologies real?"));
        Assert.Contains("nso", Expand(map, "Is Q Cyber Technologies real?"));
        Assert.Empty(Expand(map, "Is Q Technologies Cyber real?"));
    }

    [Fact]
    public void OneWayRule_ExpandsOnlyFromLeftToRight()
    {
        var map = Parse("Pegasus => spyware, surveillance tool");

        Assert.Equal(["spywar", "surveil tool"], Expand(map, "What is Pegasus?"));
        Assert.Empty(Expand(map, "What is the spyware?"));
    }

    [Fact]
    public void TermsTheQuestionAlreadyHas_NotAddedAgain_DuplicatesOnce()
    {
        var map = Parse("hack, breach\nbreach, hack, attack");

        var expanded = Expand(map, "Was it a breach or a hack?");

        Assert.Equal(["attack"], expanded);
    }

    [Fact]
    public void CommentsBlankLinesAndStemming_Handled()
    {
        var map = Parse("# aliases\n\n  users , accounts  \n");

        Assert.Equal(["account"], Expand(map, "How many users?"));
        Assert.Equal(2, map.RuleCount);
    }

    [Theory]
    [InlineData("lonely")]
    [InlineData("a => ")]
    [InlineData(" => b")]
    [InlineData("the, of")]
    [InlineData("x => y => z")]
    public void UnusableLine_SkippedWithAWarningNamingTheLine(string line)
    {
        var map = SynonymMap.Parse("users, accounts\n" + line, _analyzer, out var warnings);

        Assert.Equal("synonyms line 2", Assert.Single(warnings)[..15]);
        Assert.Equal(2, map.RuleCount);
    }

    [Fact]
    public void Empty_ExpandsNothing()
    {
        Assert.Empty(SynonymMap.Empty.Matches(["nso"]));
    }

    private SynonymMap Parse(string text)
    {
        var map = SynonymMap.Parse(text, _analyzer, out var warnings);
        Assert.Empty(warnings);
        return map;
    }

    private List<string> Expand(SynonymMap map, string question)
    {
        var terms = Core.Answers.TermMatcher.Tokens(_analyzer, question).Select(t => t.Term).ToList();
        return map.Matches(terms).Select(match => string.Join(' ', match.To)).ToList();
    }
}
