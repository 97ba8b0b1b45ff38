using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Slack.Rendering;

/// <summary>What <see cref="AnswerBlocksRenderer"/> needs to render one <c>/ask</c> reply.</summary>
/// <param name="Answer">The chat-neutral reply.</param>
/// <param name="AskId">The stored ask this reply belongs to; null renders no buttons (nothing to share, page or vote on).</param>
/// <param name="Index">The index that answered, for the last context line; null leaves index details out.</param>
/// <param name="Ephemeral">Only the asker sees the reply; it then also gets a "Share in channel" button.</param>
/// <param name="ShownCitations">
/// Citations shown (clamped to 1–<see cref="AnswerBlocksRenderer.MaxShownCitations"/>). It is also the page size of
/// "More sources": pass the same value to <see cref="MoreSourcesBlocksRenderer.Render"/>.
/// </param>
public sealed record SlackAnswerView(Answer Answer, long? AskId, IndexSnapshotInfo? Index, bool Ephemeral, int ShownCitations = 3);
