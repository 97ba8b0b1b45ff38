using IncidentBot.Core.Evaluation;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Evaluation;

public sealed class EvalRunnerTests(CorpusAFixture corpus) : IClassFixture<CorpusAFixture>
{
    private static readonly EvalQuestion Targeted = new() { Question = FixtureDocs.QuestionA, Expect = ["1,400"] };
    private static readonly EvalQuestion Pegasus = new() { Question = "Who sold the Pegasus spyware?", Answers = ["nso group"] };
    private static readonly EvalQuestion Australia = new() { Question = "What is the capital of Australia?", Unanswerable = true };

    [Fact]
    public void Run_TwoAnswerableOneUnanswerable_AllHitAndAbstains()
    {
        var report = EvalRunner.Run(corpus.Engine, [Targeted, Pegasus, Australia], CancellationToken.None);

        Assert.Equal((3, 2, 1), (report.Questions, report.Answerable, report.Unanswerable));
        Assert.Equal(1.0, report.Hit1);
        Assert.Equal(1.0, report.Hit3);
        Assert.Equal(1, report.CorrectAbstentions);
        Assert.Equal(0, report.FalseAbstentions);
        Assert.Empty(report.Misses);
        Assert.True(report.LatencyP50Ms >= 0 && report.LatencyP50Ms <= report.LatencyP99Ms);
    }

    [Fact]
    public void Run_WrongExpectation_CountsAMissWithTheAnswer()
    {
        var wrong = new EvalQuestion { Question = FixtureDocs.QuestionA, Expect = ["zebra"] };

        var report = EvalRunner.Run(corpus.Engine, [wrong, Pegasus, Australia], CancellationToken.None);

        Assert.Equal(0.5, report.Hit1);
        Assert.Equal(0.5, report.Hit3);
        Assert.Equal(1, report.CorrectAbstentions);
        var miss = Assert.Single(report.Misses);
        Assert.Equal(FixtureDocs.QuestionA, miss.Question);
        Assert.Equal(["zebra"], miss.Expected);
        Assert.Contains("1,400", miss.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ExpectedPhraseOnlyInSecondCitation_HitsAt3NotAt1()
    {
        // The answer is the Pegasus sentence; the paragraph's other sentence (the lawsuit) is among the citations.
        var second = new EvalQuestion { Question = "Who sold the Pegasus spyware?", Expect = ["California court"] };

        var report = EvalRunner.Run(corpus.Engine, [second], CancellationToken.None);

        Assert.Equal(0.0, report.Hit1);
        Assert.Equal(1.0, report.Hit3);
        Assert.Single(report.Misses);
    }

    [Fact]
    public void Run_UnanswerableQuestionAnswered_IsNotACorrectAbstention()
    {
        var answeredAnyway = new EvalQuestion { Question = FixtureDocs.QuestionA, Unanswerable = true };

        var report = EvalRunner.Run(corpus.Engine, [Targeted, answeredAnyway, Australia], CancellationToken.None);

        Assert.Equal((1, 2), (report.Answerable, report.Unanswerable));
        Assert.Equal(1.0, report.Hit1);
        Assert.Equal(1, report.CorrectAbstentions);
        var miss = Assert.Single(report.Misses);
        Assert.True(miss.Unanswerable);
        Assert.Contains("1,400", miss.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AnswerableQuestionAbstained_CountsAFalseAbstention()
    {
        var abstained = new EvalQuestion { Question = "When did the Krakatoa volcano erupt?", Expect = ["1883"] };

        var report = EvalRunner.Run(corpus.Engine, [Targeted, abstained], CancellationToken.None);

        Assert.Equal(0.5, report.Hit1);
        Assert.Equal(1, report.FalseAbstentions);
        Assert.Equal(0, report.CorrectAbstentions);
    }

    [Fact]
    public void Run_EmptyQuestion_CountsAsAMissNotAnException()
    {
        var empty = new EvalQuestion { Question = "   ", Expect = ["x"] };

        var report = EvalRunner.Run(corpus.Engine, [Targeted, empty], CancellationToken.None);

        Assert.Equal(2, report.Answerable);
        Assert.Equal(0.5, report.Hit1);
        Assert.StartsWith("error:", Assert.Single(report.Misses).Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FromAFileReadByEvalSetReader_MatchesTheInMemoryRun()
    {
        using var folder = new IndexHarness();
        var path = Path.Combine(folder.Root, "set.jsonl");
        File.WriteAllLines(path,
        [
            "{\"question\": \"How many users were targeted?\", \"expect\": [\"1,400\"]}",
            "{\"question\": \"Who sold the Pegasus spyware?\", \"answers\": [\"NSO Group\"]}",
            "{\"question\": \"What is the capital of Australia?\", \"unanswerable\": true}",
        ]);
        var (questions, error) = EvalSetReader.Read(path);
        Assert.Null(error);

        var report = EvalRunner.Run(corpus.Engine, questions!, CancellationToken.None);

        Assert.Equal((1.0, 1.0, 1), (report.Hit1, report.Hit3, report.CorrectAbstentions));
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => EvalRunner.Run(corpus.Engine, [Targeted], cts.Token));
    }
}
