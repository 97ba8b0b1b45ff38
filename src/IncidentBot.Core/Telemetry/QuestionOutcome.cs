namespace IncidentBot.Core.Telemetry;

/// <summary>What became of one question, as counted in metrics and written in the question log line.</summary>
public enum QuestionOutcome
{
    /// <summary>An evidence sentence was quoted.</summary>
    Answered,

    /// <summary>The documents do not answer; the closest passages were shown instead.</summary>
    Unanswered,

    /// <summary>Not asked: empty or too long, rate-limited, or no index yet.</summary>
    Rejected,

    /// <summary>A bug or an I/O fault while answering.</summary>
    Error,
}
