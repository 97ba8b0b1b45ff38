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

    [Theory]
    [InlineData(0.2, 0.0, 0.5, 0.0)]
    [InlineData(0.5, 0.0, 0.5, 0.3)]
    [InlineData(0.5, 0.3, 0.9, 0.3)]
    public void Confidence_RisesWithCoverageAndLead_WithinZeroToOne(double coverage, double margin, double moreCoverage, double moreMargin)
    {
        var low = Composer.Confidence(coverage, margin);
        var high = Composer.Confidence(moreCoverage, moreMargin);

        Assert.True(high > low, $"{high} <= {low}");
        Assert.InRange(low, 0, 1);
        Assert.InRange(high, 0, 1);
    }

    [Fact]
    public void Compose_ClearLeadOverTheNextCandidate_IsMoreConfidentThanATie()
    {
        var entries = SentenceTableBuilder.Build(("a.txt", 1, ["The vendor was named in court.", "The vendor was fined."]));
        var question = new AnalyzedQuestion([Known("vendor", 1)]);

        var tie = Composer.Compose("q", question, [new RankedSentence(entries[0], 2.0), new RankedSentence(entries[1], 2.0)], 3);
        var lead = Composer.Compose("q", question, [new RankedSentence(entries[0], 2.0), new RankedSentence(entries[1], 1.5)], 3);

        Assert.True(lead.Confidence > tie.Confidence, $"{lead.Confidence} <= {tie.Confidence}");
        Assert.InRange(tie.Confidence, 0.5, 1);
    }

    [Fact]
    public void Compose_ConfidenceBelowTheMinimum_AbstainsEvenWithEnoughCoverage()
    {
        var strict = new AnswerComposer(new RankingOptions { MinConfidence = 0.99 });
        var entries = SentenceTableBuilder.Build(("a.txt", 1, ["The vendor was named in court.", "The vendor was fined."]));

        var answer = strict.Compose("q", new AnalyzedQuestion([Known("vendor", 1)]), [new RankedSentence(entries[0], 2.0), new RankedSentence(entries[1], 2.0)], 3);

        Assert.False(answer.Answered);
        Assert.Equal(AnswerComposer.NotAnsweredMessage, answer.Message);
        Assert.True(answer.Confidence is > 0 and < 0.99, answer.Confidence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, answer.Citations.Count);
    }
}
