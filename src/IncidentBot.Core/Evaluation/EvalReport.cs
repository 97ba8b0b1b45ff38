namespace IncidentBot.Core.Evaluation;

/// <summary>Quality and speed of the engine on one question set.</summary>
public sealed record EvalReport(
    int Questions,
    int Answerable,
    int Unanswerable,
    double Hit1,
    double Hit3,
    int CorrectAbstentions,
    int FalseAbstentions,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double LatencyMeanMs,
    double WallMs,
    IReadOnlyList<EvalMiss> Misses)
{
    /// <summary>Answered answerable questions by confidence: how sure the bot was, how often it was right.</summary>
    public IReadOnlyList<CalibrationBin> Calibration { get; init; } = [];

    /// <summary>Expected calibration error of <see cref="Calibration"/> (0 is perfect).</summary>
    public double CalibrationError => CalibrationTable.ExpectedError(Calibration);
}

/// <summary>A question the engine got wrong, for reading while improving the method.</summary>
public sealed record EvalMiss(string Question, IReadOnlyList<string> Expected, bool Unanswerable, string? Answer);
