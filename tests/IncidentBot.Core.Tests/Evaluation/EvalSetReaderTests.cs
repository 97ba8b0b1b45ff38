using IncidentBot.Core.Evaluation;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Evaluation;

public sealed class EvalSetReaderTests : IDisposable
{
    private readonly IndexHarness _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_ExpectAndAnswersFormats_ReadsEveryQuestion()
    {
        var path = Write(
            "{\"question\": \"How many users were targeted?\", \"expect\": [\"1,400\", \"1400\"]}",
            "{\"question\": \"Who built Pegasus?\", \"answers\": [\"NSO Group\"]}",
            "{\"question\": \"What is the capital of Australia?\", \"unanswerable\": true}",
            "{\"question\": \"Both?\", \"expect\": [\"a\"], \"answers\": [\"b\"], \"id\": 7}");

        var (questions, error) = EvalSetReader.Read(path);

        Assert.Null(error);
        Assert.NotNull(questions);
        Assert.Equal(4, questions.Count);
        Assert.Equal("How many users were targeted?", questions[0].Question);
        Assert.Equal(["1,400", "1400"], questions[0].ExpectedPhrases);
        Assert.False(questions[0].Unanswerable);
        Assert.Equal(["NSO Group"], questions[1].ExpectedPhrases);
        Assert.Null(questions[1].Expect);
        Assert.True(questions[2].Unanswerable);
        Assert.Empty(questions[2].ExpectedPhrases);
        Assert.Equal(["a", "b"], questions[3].ExpectedPhrases);
    }

    [Fact]
    public void Read_BlankLines_AreSkipped()
    {
        var path = Write("", "{\"question\": \"One?\", \"expect\": [\"x\"]}", "   ", "{\"question\": \"Two?\", \"answers\": [\"y\"]}", "");

        var (questions, error) = EvalSetReader.Read(path);

        Assert.Null(error);
        Assert.Equal(["One?", "Two?"], questions!.Select(q => q.Question));
    }

    [Theory]
    [InlineData("{not json", 3)]
    [InlineData("[\"an array\"]", 3)]
    [InlineData("{\"question\": \"unterminated", 3)]
    [InlineData("{\"expect\": [\"no question\"]}", 3)]
    [InlineData("{\"question\": null}", 3)]
    [InlineData("{\"question\": \"Wrong type\", \"expect\": \"not a list\"}", 3)]
    [InlineData("{\"question\": \"Wrong type\", \"unanswerable\": \"yes\"}", 3)]
    public void Read_MalformedLine_ReportsItsLineNumber(string badLine, int lineNumber)
    {
        var path = Write("{\"question\": \"Fine?\", \"expect\": [\"x\"]}", "", badLine, "{\"question\": \"Also fine?\", \"expect\": [\"y\"]}");

        var (questions, error) = EvalSetReader.Read(path);

        Assert.Null(questions);
        Assert.NotNull(error);
        Assert.Contains($":{lineNumber}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ReportsNotFound()
    {
        var (questions, error) = EvalSetReader.Read(Path.Combine(_folder.Root, "missing.jsonl"));

        Assert.Null(questions);
        Assert.Contains("not found", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_NoQuestions_ReportsAnError()
    {
        var (questions, error) = EvalSetReader.Read(Write("", "  "));

        Assert.Null(questions);
        Assert.Contains("no questions", error, StringComparison.OrdinalIgnoreCase);
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder.Root, "set.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
