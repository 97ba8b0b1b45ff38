using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Answers;

public sealed class SentenceEvidenceTests
{
    private static RankingFeatures Features(AnalyzedQuestion question, SentenceEntry sentence) =>
        SentenceEvidence.Compute(question, sentence, retrieval: 1, averageLength: 10, SentenceEvidence.ParagraphPhrase(question, sentence.ParagraphEntry));

    [Fact]
    public void AnswerNearby_DateNextToQuestionWord_CountsForWhenQuestion()
    {
        var entries = SentenceTableBuilder.Build(
            ("a.txt", 1, ["The harbour lighthouse opened in 1887.", "The harbour lighthouse opened to visitors.", "In 1887 the keepers painted every cottage blue and planted gardens near the harbour lighthouse."]));
        var question = SentenceTableBuilder.Question("When did the harbour lighthouse open?");

        Assert.Equal(1, Features(question, entries[0]).AnswerNearby);
        Assert.Equal(0, Features(question, entries[1]).AnswerNearby);
        Assert.Equal(0, Features(question, entries[2]).AnswerNearby);
    }

    [Fact]
    public void AnswerNearby_QuestionWithoutExpectedKind_NeverCounts()
    {
        var entries = SentenceTableBuilder.Build(("a.txt", 1, ["The harbour lighthouse opened in 1887."]));
        var question = SentenceTableBuilder.Question("What did the harbour lighthouse open?");

        Assert.Equal(0, Features(question, entries[0]).AnswerNearby);
    }

    [Fact]
    public void AnswerNearby_YearTheQuestionAlsoNames_IsNotAnAnswer()
    {
        var entries = SentenceTableBuilder.Build(("a.txt", 1, ["The harbour lighthouse opened in 1887."]));
        var question = SentenceTableBuilder.Question("When in 1887 did the harbour lighthouse open?");

        Assert.Equal(0, Features(question, entries[0]).AnswerNearby);
    }

    [Fact]
    public void PronounContext_SentenceOpeningWithPronoun_BorrowsTheWordsOfTheOneBefore()
    {
        var entries = SentenceTableBuilder.Build(
            ("a.txt", 1, ["The media day moved to Monday.", "It was held at the SAP Center.", "Tickets were held at the SAP Center."]));
        var question = SentenceTableBuilder.Question("Where was the media day held?");

        var pronoun = Features(question, entries[1]);
        var plain = Features(question, entries[2]);

        Assert.True(pronoun.PronounContext > 0, "'It' points back to the sentence naming the media day");
        Assert.Equal(0, plain.PronounContext);
        Assert.True(pronoun.LeadInCoverage > pronoun.PronounContext);
    }

    [Fact]
    public void ContextCoverage_NeighbourSentences_CountAsContext()
    {
        var entries = SentenceTableBuilder.Build(
            ("a.txt", 1, ["The breach hit the messaging platform.", "Investigators blamed a spyware vendor.", "Unrelated closing remarks follow."]));
        var question = SentenceTableBuilder.Question("Which spyware vendor was blamed for the breach?");

        var middle = Features(question, entries[1]);
        var last = Features(question, entries[2]);

        Assert.Equal(1, middle.ContextCoverage, 3);
        Assert.True(last.ContextCoverage < middle.ContextCoverage);
    }

    [Fact]
    public void ContextCoverage_WordCommonInTheDocument_WeighsLessThanARareOne()
    {
        // "tesla" is in every sentence of the document, "coil" in one: a sentence with only "coil" covers more.
        var entries = SentenceTableBuilder.Build(
            ("a.txt", 1, ["Tesla worked late."]),
            ("a.txt", 2, ["Tesla patented a coil."]),
            ("a.txt", 3, ["Tesla moved house."]),
            ("a.txt", 4, ["A coil hummed."]));
        var question = SentenceTableBuilder.Question("What did Tesla patent about the coil?");

        var teslaOnly = Features(question, entries[0]);
        var coilOnly = Features(question, entries[3]);

        Assert.True(coilOnly.ContextCoverage > teslaOnly.ContextCoverage);
    }

    [Fact]
    public void ParagraphPhrase_QuestionWordsTogether_BeatTheSameWordsApart()
    {
        var entries = SentenceTableBuilder.Build(
            ("a.txt", 1, ["Engineers replaced the disk controller overnight."]),
            ("a.txt", 2, ["The disk was fine.", "Someone swapped the controller."]));
        var question = SentenceTableBuilder.Question("Who replaced the disk controller?");

        Assert.Equal(1, Features(question, entries[0]).ParagraphPhrase, 3);
        Assert.Equal(0, Features(question, entries[1]).ParagraphPhrase, 3);
    }

    [Fact]
    public void NameCoverage_CapitalisedQuestionWordsMissingFromParagraph_Lower()
    {
        var entries = SentenceTableBuilder.Build(
            ("a.txt", 1, ["WhatsApp sued the vendor."]),
            ("a.txt", 2, ["The vendor was sued."]));
        var named = SentenceTableBuilder.Question("Who did WhatsApp sue?");
        var unnamed = SentenceTableBuilder.Question("who was sued?");

        Assert.Equal(1, Features(named, entries[0]).NameCoverage, 3);
        Assert.Equal(0, Features(named, entries[1]).NameCoverage, 3);
        Assert.Equal(1, Features(unnamed, entries[1]).NameCoverage, 3);
    }

    [Fact]
    public void SentenceMatch_MoreDocumentRareWords_ScoresHigher()
    {
        var entries = SentenceTableBuilder.Build(
            ("a.txt", 1, ["The vendor sold spyware.", "The vendor closed.", "Weather was mild."]));
        var question = SentenceTableBuilder.Question("Which vendor sold spyware?");

        Assert.True(Features(question, entries[0]).SentenceMatch > Features(question, entries[1]).SentenceMatch);
        Assert.Equal(0, Features(question, entries[2]).SentenceMatch);
    }

    [Fact]
    public void Score_WeighsEachFeatureByItsOption()
    {
        var features = new RankingFeatures(0.5, 1, 0, 0, 0, 1, 0, 0, RelatedWords: 0.5);
        var options = new RankingOptions
        {
            ContextCoverage = 2, SentenceMatch = 9, NameCoverage = 9, ParagraphPhrase = 9, AnswerNearby = 0.25, LeadInCoverage = 9, PronounContext = 9, RelatedWords = 3,
        };

        Assert.Equal(0.5 + 2 + 0.25 + 1.5, features.Score(options), 6);
    }
}
