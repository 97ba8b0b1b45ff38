using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Cli;

/// <summary><c>eval QUESTIONS.jsonl</c>: the report, the --min-hit1 gate and malformed question sets.</summary>
public sealed class CliEvalTests : IDisposable
{
    private const string QuestionSet = """
        {"question": "How many users were targeted?", "expect": ["1,400"]}
        {"question": "Who sued NSO Group?", "answers": ["SUED THE ALLEGED NSO"]}

        {"question": "Who won the cricket match?", "unanswerable": true}
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Eval_AllQuestionsRight_PrintsMetricsAndExitsZero()
    {
        var result = await EvalAsync(QuestionSet);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("questions: 3 (2 answerable, 1 unanswerable)", result.OutLines);
        Assert.Contains("hit@1: 1.000", result.OutLines);
        Assert.Contains("hit@3: 1.000", result.OutLines);
        Assert.Contains("correct abstentions: 1/1", result.OutLines);
        Assert.Contains(result.OutLines, l => l.StartsWith("latency per question: p50 ", StringComparison.Ordinal) && l.Contains(" p99 ", StringComparison.Ordinal));
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Eval_WrongExpectation_CountsAMiss()
    {
        var result = await EvalAsync("""{"question": "How many users were targeted?", "expect": ["7,000"]}""", "--min-hit1", "0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("hit@1: 0.000", result.OutLines);
    }

    [Fact]
    public async Task Eval_MinHit1AboveScore_ExitsOne()
    {
        var oneMiss = QuestionSet + "\n" + """{"question": "How many users were targeted?", "expect": ["7,000"]}""";

        var result = await EvalAsync(oneMiss, "--min-hit1", "0.9");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("hit@1: 0.667", result.OutLines);
        Assert.StartsWith("error: hit@1 0.667 is below --min-hit1 0.900", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.01")]
    [InlineData("-0.5")]
    public async Task Eval_MinHit1OutOfRange_ExitsTwo(string threshold)
    {
        var result = await EvalAsync(QuestionSet, "--min-hit1", threshold);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--min-hit1 must be between 0 and 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_MinHit1Reached_ExitsZero()
    {
        var result = await EvalAsync(QuestionSet, "--min-hit1", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("{\"question\": \"How many users were targeted?\", \"expect\": [\"1,400\"]}\n{bad json")]
    [InlineData("{\"expect\": [\"1,400\"]}")]
    [InlineData("[1, 2, 3]")]
    public async Task Eval_MalformedQuestionSet_ExitsTwoNamingTheLine(string content)
    {
        var result = await EvalAsync(content);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        var lineNumber = content.Count(c => c == '\n') + 1;
        Assert.Contains($"questions.jsonl:{lineNumber}:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_MissingQuestionSet_ExitsTwo()
    {
        var result = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "eval", _temp.Combine("missing.jsonl"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private async Task<CliResult> EvalAsync(string jsonl, params string[] flags)
    {
        var file = _temp.Combine("questions.jsonl");
        await File.WriteAllTextAsync(file, jsonl);
        return await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, ["eval", file, .. flags]);
    }
}
