using IncidentBot.Core.Answers;
using IncidentBot.Core.Evaluation;

namespace IncidentBot.Core.Tests.Evaluation;

public sealed class GoldenCheckTests
{
    [Theory]
    [InlineData(5, 4, null, false)]
    [InlineData(5, 4, 4, false)]
    [InlineData(5, 5, 4, false)]
    [InlineData(5, 3, 4, true)]
    public void Regressed_OnlyWhenFewerPassThanBefore(int questions, int passed, int? before, bool regressed)
    {
        Assert.Equal(regressed, new GoldenCheck(questions, passed, before, []).Regressed);
    }

    [Fact]
    public void RejectionReason_NamesTheFirstQuestionsAndCountsTheRest()
    {
        var check = new GoldenCheck(9, 4, 9, ["q1?", "q2?", "q3?", "q4?", "q5?"]);

        Assert.Equal(
            "The rebuilt index passes 4 of 9 golden questions, the current one 9; the current index keeps answering. "
            + "Now failing: \"q1?\"; \"q2?\"; \"q3?\" and 2 more. Fix the documents, or reindex with force to publish it anyway.",
            check.RejectionReason);
    }

    [Fact]
    public void RejectionReason_NoQuestionNewlyFailed_OmitsTheList()
    {
        // Fewer pass overall, yet none that passed before fails now: cannot happen with one file, but the text must hold.
        Assert.DoesNotContain("Now failing", new GoldenCheck(3, 1, 2, []).RejectionReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Over 1,400 users were targeted.", false, true)]
    [InlineData(true, "The NSO Group sold it.", false, false)]
    [InlineData(false, null, false, false)]
    [InlineData(false, null, true, true)]
    [InlineData(true, "Some sentence.", true, false)]
    public void IsPassedBy_HitAtOneOrCorrectAbstention(bool answered, string? text, bool unanswerable, bool passed)
    {
        var question = new EvalQuestion { Question = "How many users?", Expect = unanswerable ? [] : ["1,400"], Unanswerable = unanswerable };
        var answer = new Answer("How many users?", answered, text, answered ? null : "no", [], 0);

        Assert.Equal(passed, question.IsPassedBy(answer));
    }
}
