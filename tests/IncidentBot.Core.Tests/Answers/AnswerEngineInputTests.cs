using IncidentBot.Core.Answers;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Answers;

/// <summary>Whatever a person types, asking never throws.</summary>
public sealed class AnswerEngineInputTests(CorpusAFixture corpus) : IClassFixture<CorpusAFixture>
{
    private readonly AnswerEngine _engine = corpus.Engine;

    public static TheoryData<string> LuceneSyntax => new()
    {
        "AND OR NOT",
        "\"unterminated",
        "(((",
        ")))",
        "field:value",
        "text:users",
        "a~2",
        "users~",
        "*",
        "?",
        "\\",
        "\\\\",
        "[a TO b]",
        "{}",
        "{a TO *}",
        "^3",
        "users^3",
        "&&||!",
        "/regex/",
        "/unterminated",
        "+-!():^[]\"{}~*?|&/",
        "-users +targeted",
        ":",
        "\"\"",
    };

    [Theory]
    [MemberData(nameof(LuceneSyntax))]
    public void Ask_LuceneSpecialCharacters_NeverThrows(string question)
    {
        var result = _engine.Ask(question);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(question, result.Answer.Question);
        Assert.Equal(Enumerable.Range(1, result.Answer.Citations.Count), result.Answer.Citations.Select(c => c.N));
    }

    [Theory]
    [MemberData(nameof(LuceneSyntax))]
    public void Ask_LuceneSyntaxAroundARealQuestion_StillAnswers(string noise)
    {
        var answer = _engine.AskOk($"{noise} How many users were targeted? {noise}");

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("1,400", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users AND targeted")]
    [InlineData("\"users targeted\"")]
    [InlineData("users* targeted?")]
    [InlineData("(users OR targeted)")]
    public void Ask_OperatorsAreJustText_AnswersFromTheWords(string question)
    {
        _engine.Answers(question, "1,400");
    }

    [Theory]
    [InlineData("🔥")]
    [InlineData("🔥🔥🔥 😱")]
    [InlineData("👨‍👩‍👧‍👦")]
    [InlineData("🏳️‍🌈 ❤️")]
    [InlineData("כמה משתמשים היו מטרה?")]
    [InlineData("كم عدد المستخدمين المستهدفين؟")]
    [InlineData("\u202Eusers targeted\u202C")]
    [InlineData("\u200Fمن؟ users\u200F")]
    [InlineData("多少用户成为目标？")]
    public void Ask_EmojiAndRightToLeftText_DoesNotThrow(string question)
    {
        var result = _engine.Ask(question);

        Assert.True(result.IsSuccess, result.Error);
        if (!result.Answer.Answered)
        {
            Assert.Null(result.Answer.Text);
            Assert.False(string.IsNullOrWhiteSpace(result.Answer.Message));
        }
    }

    [Fact]
    public void Ask_EmojiInsideARealQuestion_StillAnswers()
    {
        _engine.Answers("🔥 How many users were targeted? 😱", "1,400");
    }

    [Fact]
    public void Ask_DirectionOverrideAroundWords_AnswersFromTheWords()
    {
        _engine.Answers("\u202EHow many users were targeted?\u202C", "1,400");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\u200F\u202E")]
    public void Ask_EmptyQuestion_FailsWithError(string? question)
    {
        var result = _engine.Ask(question);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Answer);
        Assert.Equal(AskErrorKind.InvalidQuestion, result.ErrorKind);
        Assert.Contains("empty", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ask_QuestionLongerThan500Characters_FailsWithError()
    {
        var result = _engine.Ask("How many users were targeted? " + new string('x', 500));

        Assert.False(result.IsSuccess);
        Assert.Equal(AskErrorKind.InvalidQuestion, result.ErrorKind);
        Assert.Contains("500", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_Exactly500Characters_Answers()
    {
        var question = FixtureDocs.QuestionA.PadRight(QuestionSanitizer.MaxLength, '?');

        _engine.Answers(question, "1,400");
    }

    [Fact]
    public void Ask_IndexNotReady_ReturnsFailureNotException()
    {
        using var harness = new IndexHarness();
        harness.ReplaceSeeds(FixtureDocs.A);
        var engine = harness.CreateEngine(harness.CreateIndex());

        var result = engine.Ask(FixtureDocs.QuestionA);

        Assert.False(result.IsSuccess);
        Assert.Equal(AskErrorKind.NotReady, result.ErrorKind);
        Assert.Contains("not ready", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ask_EmptyQuestionWhileIndexNotReady_IsAnInvalidQuestionNotNotReady()
    {
        // The person must change the question whatever the index does: a 400, not a 503 to retry.
        using var harness = new IndexHarness();
        var engine = harness.CreateEngine(harness.CreateIndex());

        var result = engine.Ask("   ");

        Assert.False(result.IsSuccess);
        Assert.Equal(AskErrorKind.InvalidQuestion, result.ErrorKind);
    }

    [Fact]
    public void Ask_AnsweredQuestion_HasNoErrorKind()
    {
        var result = _engine.Ask(FixtureDocs.QuestionA);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(AskErrorKind.None, result.ErrorKind);
        Assert.Null(result.Error);
    }
}
