using IncidentBot.Core.Answers;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Evaluation;
using IncidentBot.Core.Indexing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Tests.Evaluation;

public sealed class GoldenQuestionGateTests
{
    private static readonly string Seeds = Path.Combine(Path.GetTempPath(), "golden-gate-seeds");

    [Fact]
    public void FilePath_NotSet_IsTheFileInTheSeedsFolder()
    {
        using var gate = Create(null);

        Assert.Equal(Path.Combine(Seeds, GoldenQuestionGate.DefaultFileName), gate.FilePath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void FilePath_Blank_TurnsTheGateOff(string setting)
    {
        using var gate = Create(setting);

        Assert.Null(gate.FilePath);
        Assert.Equal((null, null), gate.Load());
    }

    [Fact]
    public void Load_FileWithABomAndBlankLines_ReadsEveryQuestion_AndTheFingerprintFollowsTheContent()
    {
        var path = Path.Combine(Path.GetTempPath(), "golden-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            File.WriteAllText(path, "\uFEFF{\"question\": \"a?\", \"expect\": [\"x\"]}\r\n\r\n{\"question\": \"b?\", \"unanswerable\": true}\n", new System.Text.UTF8Encoding(true));
            using var gate = Create(path);

            var (first, error) = gate.Load();
            Assert.Null(error);
            Assert.Equal(["a?", "b?"], first!.Questions.Select(q => q.Question));
            Assert.True(first.Questions[1].Unanswerable);

            File.AppendAllText(path, "{\"question\": \"c?\", \"expect\": [\"y\"]}\n");
            Assert.NotEqual(first.Fingerprint, gate.Load().Set!.Fingerprint);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static GoldenQuestionGate Create(string? setting) => new(
        Options.Create(new IndexOptions { Path = "index", GoldenQuestions = setting }),
        Options.Create(new SeedsOptions { Path = Seeds }),
        Options.Create(new RankingOptions()),
        NullLogger<GoldenQuestionGate>.Instance);
}
