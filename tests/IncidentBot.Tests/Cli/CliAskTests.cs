using System.Text.Json;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Cli;

/// <summary><c>ask</c> in-process: the JSON shape, text mode, abstention, input validation and batch mode.</summary>
public sealed class CliAskTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ask_AnswerableQuestionJson_PrintsOneObjectWithThePinnedShape()
    {
        var result = await AskAsync(TestSeeds.TargetedQuestion, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.OutLines);
        var answer = result.Json();
        AnswerJson.AssertShape(answer);
        Assert.Equal(TestSeeds.TargetedQuestion, answer.GetProperty("question").GetString());
        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.Contains("1,400", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("message").ValueKind);
    }

    [Fact]
    public async Task Ask_AnswerableQuestionJson_FirstCitationIsTheAnswerSentenceInTheSeed()
    {
        var answer = (await AskAsync(TestSeeds.TargetedQuestion, "--json")).Json();

        var first = answer.GetProperty("citations")[0];
        Assert.Equal(1, first.GetProperty("n").GetInt32());
        Assert.Equal(TestSeeds.SeedFile, first.GetProperty("source").GetString());
        Assert.Equal(TestSeeds.SeedFile, first.GetProperty("title").GetString());
        Assert.Equal(TestSeeds.SeedDate, first.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("url").ValueKind);
        Assert.Equal(10, first.GetProperty("paragraph").GetInt32());
        Assert.Equal(1, first.GetProperty("sentence").GetInt32());
        Assert.Equal(answer.GetProperty("answer").GetString(), first.GetProperty("snippet").GetString());
        Assert.True(first.GetProperty("score").GetDouble() > 0);
        Assert.InRange(answer.GetProperty("citations").GetArrayLength(), 1, 5);
    }

    [Fact]
    public async Task Ask_AnswerableQuestionJson_HighlightsMarkTheQuestionWordsInTheAnswer()
    {
        var answer = (await AskAsync(TestSeeds.TargetedQuestion, "--json")).Json();

        var words = AnswerJson.HighlightedWords(answer.GetProperty("answer").GetString()!, answer.GetProperty("highlights"));
        Assert.Contains("users", words);
        Assert.Contains("targeted", words);
        Assert.All(words, w => Assert.True(w is "users" or "targeted", $"unexpected highlight \"{w}\""));
    }

    [Fact]
    public async Task Ask_AnswerableQuestionText_MarksMatchedWordsAndNumbersTheCitation()
    {
        var result = await AskAsync(TestSeeds.TargetedQuestion);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Answer: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("1,400 **users** were **targeted**", result.Out, StringComparison.Ordinal);
        Assert.Contains("[1]", result.Out, StringComparison.Ordinal);
        Assert.Contains($"[1] {TestSeeds.SeedFile}, {TestSeeds.SeedDate}, paragraph 10, sentence 1", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Ask_QuestionWithTypo_StillFindsTheAnswer()
    {
        var answer = (await AskAsync("How many users were targetted?", "--json")).Json();

        Assert.True(answer.GetProperty("answered").GetBoolean(), answer.ToString());
        Assert.Contains("1,400", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionWithTypoText_SaysDidYouMeanWithTheDocumentsWord()
    {
        var result = await AskAsync("How many usres were targeted?");

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.OutLines, l => l.StartsWith("Did you mean", StringComparison.Ordinal));
        Assert.StartsWith("Did you mean \"users\"", line, StringComparison.Ordinal);
        Assert.EndsWith("(not \"usres\")?", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_UnanswerableQuestionJson_ExitsZeroWithAnsweredFalseAndMessage()
    {
        var result = await AskAsync(TestSeeds.UnanswerableQuestion, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var answer = result.Json();
        AnswerJson.AssertShape(answer);
        Assert.False(answer.GetProperty("answered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("answer").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyQuestion_ExitsTwoWithOneErrorLineAndNoOutput(string question)
    {
        var result = await AskAsync(question, "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionOf501Characters_ExitsTwoWithClearError()
    {
        var result = await AskAsync(new string('a', 501), "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error:", line, StringComparison.Ordinal);
        Assert.Contains("500", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionOf500Characters_IsAccepted()
    {
        var question = string.Concat(Enumerable.Repeat("users ", 84))[..500];

        var result = await AskAsync(question, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        AnswerJson.AssertShape(result.Json());
    }

    [Theory]
    [InlineData("NSO AND (Group OR \"Pegasus\"~2)*?")]
    [InlineData("title:foo [a TO b] ^2 \\")]
    [InlineData("\"unbalanced quote {")]
    [InlineData("/regex.*/ && || ! -users +targeted")]
    [InlineData("* ? ~ ^ : \\ /")]
    public async Task Ask_LuceneSyntaxInQuestion_ExitsZeroWithAnAnswerObject(string question)
    {
        var result = await AskAsync(question, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var answer = result.Json();
        AnswerJson.AssertShape(answer);
        Assert.Equal(question, answer.GetProperty("question").GetString());
    }

    [Fact]
    public async Task Ask_TopTwo_ReturnsTwoCitations()
    {
        var answer = (await AskAsync(TestSeeds.TargetedQuestion, "--json", "--top", "2")).Json();

        Assert.Equal(2, answer.GetProperty("citations").GetArrayLength());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    public async Task Ask_TopOutOfRange_ExitsTwo(string top)
    {
        var result = await AskAsync(TestSeeds.TargetedQuestion, "--json", "--top", top);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_TopNotANumber_ExitsTwoWithUsageError()
    {
        var result = await AskAsync(TestSeeds.TargetedQuestion, "--json", "--top", "abc");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
        Assert.Contains("--top", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_BatchJson_PrintsOneObjectPerLineInInputOrder()
    {
        string[] questions = [TestSeeds.TargetedQuestion, string.Empty, "Who sued NSO Group?", TestSeeds.UnanswerableQuestion];

        var result = await CliRunner.RunWithInputAsync(
            string.Join('\n', questions) + "\n",
            "ask", "-", "--json", "--seeds", TestSeeds.Main, "--index", _temp.Index);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, result.OutLines.Count);
        var lines = result.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        for (var i = 0; i < questions.Length; i++)
        {
            Assert.Equal(questions[i], lines[i].GetProperty("question").GetString());
        }

        Assert.True(lines[0].GetProperty("answered").GetBoolean());
        Assert.Contains("1,400", lines[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(lines[1].GetProperty("error").GetString()));
        Assert.False(lines[1].TryGetProperty("answered", out _));
        AnswerJson.AssertShape(lines[2]);
        Assert.Contains("sued", lines[2].GetProperty("answer").GetString(), StringComparison.Ordinal);
        AnswerJson.AssertShape(lines[3]);
        Assert.False(lines[3].GetProperty("answered").GetBoolean());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("ask", "question", "--no-such-flag")]
    [InlineData("reindex", "--frob")]
    public async Task CliApp_UnknownVerbOrFlag_ExitsTwoWithUsageError(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private Task<CliResult> AskAsync(string question, params string[] flags) =>
        CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, ["ask", question, .. flags]);
}
