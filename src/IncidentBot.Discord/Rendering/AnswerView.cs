using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Discord.Rendering;

/// <summary>What <see cref="AnswerRenderer"/> needs to render one <c>/ask</c> reply.</summary>
/// <param name="Answer">The chat-neutral reply.</param>
/// <param name="AskId">The stored ask this reply belongs to; null renders no buttons (nothing to vote on or page).</param>
/// <param name="Index">The index that answered, for the footer; null leaves index details out.</param>
/// <param name="ShownCitations">
/// Citations shown as fields (clamped to 1–<see cref="AnswerRenderer.MaxShownCitations"/>). It is also the page size of "More sources": pass the same value
/// to <see cref="MoreSourcesRenderer.RenderMoreSources"/>.
/// </param>
/// <param name="Ephemeral">Only the asker sees the reply.</param>
public sealed record AnswerView(Answer Answer, long? AskId, IndexSnapshotInfo? Index, int ShownCitations = 3, bool Ephemeral = false);
