namespace IncidentBot.Core.Evaluation;

/// <summary>Bins (confidence, right or wrong) pairs into tenths and computes the expected calibration error.</summary>
public static class CalibrationTable
{
    private const int Bins = 10;

    /// <summary>The non-empty tenths, lowest first.</summary>
    public static IReadOnlyList<CalibrationBin> Build(IEnumerable<(double Confidence, bool Right)> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers
            .GroupBy(a => Math.Clamp((int)(a.Confidence * Bins), 0, Bins - 1))
            .OrderBy(g => g.Key)
            .Select(g => new CalibrationBin(
                (double)g.Key / Bins,
                (double)(g.Key + 1) / Bins,
                g.Count(),
                g.Average(a => a.Confidence),
                g.Average(a => a.Right ? 1.0 : 0.0)))
            .ToList();
    }

    /// <summary>The answers-weighted mean gap between confidence and share right (0 is perfect).</summary>
    public static double ExpectedError(IReadOnlyList<CalibrationBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var total = bins.Sum(b => b.Answers);
        return total == 0 ? 0 : bins.Sum(b => b.Answers * Math.Abs(b.MeanConfidence - b.ShareRight)) / total;
    }
}
