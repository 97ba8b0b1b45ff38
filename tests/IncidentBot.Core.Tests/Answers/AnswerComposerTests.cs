using IncidentBot.Core.Answers;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Answers;

public sealed class AnswerComposerTests
{
    private static readonly AnswerComposer Composer = new(new RankingOptions { MinCoverage = 0.4, MinCoverageKnownWords = 0.25 });

    private static Answer Compose(params QuestionTerm[] terms)
    {
        var entries = SentenceTableBuilder.Build(("a.txt", 1, ["The vendor was named in court."]));
        return Composer.Compose("question", new AnalyzedQuestion(terms), [new RankedSentence(entries[0], 1)], 3);
    }

    private static QuestionTerm Known(string term, double weight) => new(term, term, [term], weight);

    [Fact]
    public void Compose_EveryWordInTheDocuments_AnswersFromTheLowerShare()
    {
        // A third of the weight is found, and every word occurs somewhere in the documents.
        var answer = Compose(Known("vendor", 1), Known("spywar", 2));

        Assert.True(answer.Answered, answer.Message);
    }

    [Fact]
    public void Compose_AWordTheDocumentsNeverUse_NeedsTheStricterShare()
    {
        var answer = Compose(Known("vendor", 1), new QuestionTerm("cricket", "cricket", [], 2));

        Assert.False(answer.Answered);
        Assert.Equal(AnswerComposer.NotAnsweredMessage, answer.Message);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public void Compose_TooLittleFoundEvenWithEveryWordKnown_Abstains()
    {
        var answer = Compose(Known("vendor", 1), Known("spywar", 4));

        Assert.False(answer.Answered);
    }
}
