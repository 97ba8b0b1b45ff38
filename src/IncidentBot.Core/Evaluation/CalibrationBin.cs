namespace IncidentBot.Core.Evaluation;

/// <summary>
/// Answers whose confidence fell in [<paramref name="From"/>, <paramref name="To"/>): how sure the bot said it
/// was on average, and how often it was right. A calibrated confidence has the two close in every bin.
/// </summary>
public sealed record CalibrationBin(double From, double To, int Answers, double MeanConfidence, double ShareRight);
