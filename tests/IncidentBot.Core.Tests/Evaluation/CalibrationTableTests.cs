using IncidentBot.Core.Evaluation;

namespace IncidentBot.Core.Tests.Evaluation;

public sealed class CalibrationTableTests
{
    [Fact]
    public void Build_GroupsByTenthAndMeasuresEachBin()
    {
        var bins = CalibrationTable.Build([(0.95, true), (0.91, true), (0.99, false), (0.32, false), (1.0, true), (0.0, false)]);

        Assert.Equal([0.0, 0.3, 0.9], bins.Select(b => b.From));
        var top = bins[^1];
        Assert.Equal(4, top.Answers);
        Assert.Equal(0.9625, top.MeanConfidence, 6);
        Assert.Equal(0.75, top.ShareRight);
        Assert.Equal((1, 0.0), (bins[1].Answers, bins[1].ShareRight));
    }

    [Fact]
    public void ExpectedError_WeightsEachBinsGapByItsAnswers()
    {
        var bins = CalibrationTable.Build([(0.95, true), (0.95, true), (0.95, true), (0.95, false), (0.35, false)]);

        // Top bin: |0.95 - 0.75| over 4 answers; low bin: |0.35 - 0| over 1.
        Assert.Equal(((4 * 0.2) + 0.35) / 5, CalibrationTable.ExpectedError(bins), 6);
        Assert.Equal(0, CalibrationTable.ExpectedError([]));
    }
}
