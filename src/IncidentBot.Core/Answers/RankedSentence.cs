using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Answers;

/// <summary>A candidate evidence sentence and its final ranking score.</summary>
internal sealed record RankedSentence(SentenceEntry Entry, double Score)
{
    /// <summary>The evidence the score was computed from (for evaluation and tuning).</summary>
    public RankingFeatures Features { get; init; }
}
