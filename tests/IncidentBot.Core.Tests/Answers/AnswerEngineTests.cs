using IncidentBot.Core.Answers;
using IncidentBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Tests.Answers;

public sealed class AnswerEngineTests(CorpusAFixture corpus) : IClassFixture<CorpusAFixture>
{
    private readonly AnswerEngine _engine = corpus.Engine;

    [Theory]
    [InlineData(FixtureDocs.QuestionA, "As per media reports, over 1,400 users were targeted upon by the spies.", "breach.txt", 2, 1)]
    [InlineData("Who sold the Pegasus spyware?", "The spyware called Pegasus was sold by the NSO Group, an Israeli surveillance firm.", "breach.txt", 3, 1)]
    [InlineData("What did Ravi Shankar Prasad express?", "Minister Ravi Shankar Prasad expressed displeasure at the breach of privacy of citizens.", "notes/response.md", 1, 1)]
    [InlineData("Where did WhatsApp sue the NSO Group?", "WhatsApp has sued the NSO Group in a California court.", "breach.txt", 3, 2)]
    public void Ask_FixtureQuestion_AnswersWithTheRightSentenceAndCitesIt(string question, string sentence, string source, int paragraph, int sentenceNumber)
    {
        var answer = _engine.AskOk(question);

        Assert.True(answer.Answered, answer.Message);
        Assert.Equal(sentence, answer.Text);
        Assert.Null(answer.Message);
        Assert.Equal(question, answer.Question);
        Assert.True(answer.ElapsedMs > 0, "the engine must report the time it measured (the composer leaves 0)");
        var first = answer.Citations[0];
        Assert.Equal((1, source, paragraph, sentenceNumber), (first.N, first.Source, first.Paragraph, first.Sentence));
        Assert.Equal(sentence, first.Snippet);
    }

    [Fact]
    public void Ask_AnswerFromFrontMatterDocument_CitationCarriesTitleDateAndUrl()
    {
        var citation = _engine.Answers("What did Ravi Shankar Prasad express?", "displeasure").Citations[0];

        Assert.Equal("Government response", citation.Title);
        Assert.Equal("2019-11-02", citation.Date);
        Assert.Equal("https://example.com/response", citation.Url);
    }

    [Fact]
    public void Ask_AnswerFromTextDocument_CitationHasFileNameTitleAndNoUrl()
    {
        var citation = _engine.Answers(FixtureDocs.QuestionA, FixtureDocs.AnswerA).Citations[0];

        Assert.Equal("breach.txt", citation.Title);
        Assert.Equal("2019-11-01", citation.Date);
        Assert.Null(citation.Url);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(5, 5)]
    [InlineData(0, 1)]
    [InlineData(-4, 1)]
    public void Ask_CitationLimit_NumbersCitationsOneToNWithinLimit(int requested, int limit)
    {
        // "breach" and "WhatsApp" occur all over the corpus, so there are more candidates than citations.
        var answer = _engine.AskOk("What did WhatsApp say about the breach?", requested);

        Assert.NotEmpty(answer.Citations);
        Assert.True(answer.Citations.Count <= limit, $"{answer.Citations.Count} citations for a limit of {limit}");
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
        Assert.True(answer.Citations.Count >= Math.Min(limit, 3), "fewer citations than matching sentences");
        Assert.Equal(answer.Citations.OrderByDescending(c => c.Score).Select(c => c.N), answer.Citations.Select(c => c.N));
    }

    [Theory]
    [InlineData(AnswerEngine.MaxCitations)]
    [InlineData(AnswerEngine.MaxCitations + 1)]
    [InlineData(100)]
    public async Task Ask_MoreMatchingSentencesThanMaxCitations_ReturnsExactlyMaxCitations(int requested)
    {
        // 30 matching sentences and room for 50 candidates: only the clamp keeps the citations at 20.
        using var harness = new IndexHarness();
        var documents = new Dictionary<string, string>
        {
            ["log.txt"] = string.Join("\n\n", Enumerable.Range(1, 30).Select(i => $"The lighthouse keeper wrote entry {i} in the log.")),
        };
        var index = await harness.CreateReadyIndexAsync(documents);
        using var engine = new AnswerEngine(index, Options.Create(new RankingOptions { Candidates = 50 }));

        var answer = engine.AskOk("What did the lighthouse keeper write in the log?", requested);

        Assert.Equal(AnswerEngine.MaxCitations, answer.Citations.Count);
        Assert.Equal(Enumerable.Range(1, AnswerEngine.MaxCitations), answer.Citations.Select(c => c.N));
    }

    [Fact]
    public void Ask_SentenceLongerThan600Characters_IsWindowedWithEllipsisKeepingMatchedWords()
    {
        Assert.True(FixtureDocs.LongSentence.Length > 600);

        var answer = _engine.Answers("Which archives did the forensic auditors recover?", FixtureDocs.LongSentenceEnding);

        Assert.True(answer.Text!.Length <= 400, $"answer has {answer.Text.Length} characters");
        Assert.StartsWith("…", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("archives.", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Text[1..].TrimEnd('…'), FixtureDocs.LongSentence, StringComparison.Ordinal);
        var words = AnswerAssert.HighlightedWords(answer.Text, answer.Highlights);
        Assert.Equal(["forensic", "auditors", "recovered", "archives"], words);
        Assert.All(answer.Citations, c => Assert.True(c.Snippet.Length <= 240, c.Snippet));
        var snippet = answer.Citations[0];
        Assert.Equal(["forensic", "auditors", "recovered", "archives"], AnswerAssert.HighlightedWords(snippet.Snippet, snippet.Highlights));
    }

    [Theory]
    [InlineData(FixtureDocs.QuestionA, new[] { "users", "targeted" })]
    [InlineData("Which users did the spies target?", new[] { "users", "targeted", "spies" })]
    [InlineData("Who was targeting the USERS?", new[] { "users", "targeted" })]
    public void Ask_QuestionWords_HighlightsPointAtMatchingWords(string question, string[] expected)
    {
        var answer = _engine.Answers(question, FixtureDocs.AnswerA);

        Assert.Equal(expected, AnswerAssert.HighlightedWords(answer.Text!, answer.Highlights));
        var citation = answer.Citations[0];
        Assert.Equal(expected, AnswerAssert.HighlightedWords(citation.Snippet, citation.Highlights));
    }

    [Theory]
    [InlineData("How many usres were targetted?")]
    [InlineData("How many users were targetted?")]
    [InlineData("How many users were tagreted?")]
    [InlineData("Who sold the Pegassus spyware?")]
    public void Ask_QuestionWithTypos_StillAnswers(string question)
    {
        var answer = _engine.AskOk(question);

        Assert.True(answer.Answered, $"'{question}': {answer.Message}");
        Assert.True(
            answer.Text!.Contains("1,400", StringComparison.Ordinal) || answer.Text.Contains("Pegasus was sold", StringComparison.Ordinal),
            answer.Text);
    }

    [Theory]
    [InlineData("what is it?")]
    [InlineData("Who? What? Where? When?")]
    [InlineData("is it the one")]
    public void Ask_NoContentWords_NotAnsweredWithMessage(string question)
    {
        var answer = _engine.AskOk(question);

        Assert.False(answer.Answered);
        Assert.Null(answer.Text);
        Assert.False(string.IsNullOrWhiteSpace(answer.Message));
        Assert.Empty(answer.Highlights);
    }

    [Theory]
    [InlineData("When did the Krakatoa volcano erupt?")]
    [InlineData("What is the capital of Australia?")]
    public void Ask_NothingInDocumentsMatches_NotAnsweredWithoutCitations(string question)
    {
        var answer = _engine.AskOk(question);

        Assert.False(answer.Answered);
        Assert.Null(answer.Text);
        Assert.False(string.IsNullOrWhiteSpace(answer.Message));
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public void Ask_OnlyMinorWordsMatch_NotAnsweredButCitesRelatedPassages()
    {
        // "government" is in the documents; the question's rarer words are not.
        var answer = _engine.AskOk("Which government outlawed volcano tourism near Krakatoa?");

        Assert.False(answer.Answered, answer.Text);
        Assert.Null(answer.Text);
        Assert.False(string.IsNullOrWhiteSpace(answer.Message));
        Assert.NotEmpty(answer.Citations);
        Assert.Contains(answer.Citations, c => c.Snippet.Contains("government", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
    }
}
