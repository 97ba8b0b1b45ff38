using System.Globalization;
using IncidentBot.Core.Answers;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Renders the "More sources" pages of an answer, always ephemeral (only the clicker sees them) and posted with
/// <c>replace_original: false</c> so the answer the button is on stays. Page <c>p</c> shows the citations at 0-based
/// indexes <c>p*pageSize … p*pageSize + pageSize - 1</c>: the answer already showed page 0, so its button asks for
/// page 1, and each page's button asks for the next.
/// </summary>
public static class MoreSourcesBlocksRenderer
{
    public const string NoMoreSources = "No more sources.";

    /// <summary>Renders page <paramref name="page"/>, or "No more sources." when it is empty or negative.</summary>
    /// <param name="answer">The stored answer whose citations are paged.</param>
    /// <param name="page">0-based page; 1 is the first page after the answer.</param>
    /// <param name="pageSize">The answer's <see cref="SlackAnswerView.ShownCitations"/> (clamped to 1–<see cref="AnswerBlocksRenderer.MaxShownCitations"/> the same way).</param>
    /// <param name="askId">The stored ask, for the next page's button.</param>
    public static SlackMessage Render(Answer answer, int page, int pageSize, long askId)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var size = AnswerBlocksRenderer.ShownCitations(pageSize);
        var count = answer.Citations.Count;
        var start = (long)page * size;
        if (page < 0 || start >= count)
        {
            return new SlackMessage
            {
                ResponseType = SlackMessage.Ephemeral,
                Text = NoMoreSources,
                Blocks = [new SectionBlock(TextObject.Markdown(NoMoreSources))],
                ReplaceOriginal = false,
            };
        }

        var first = (int)start;
        var end = Math.Min(first + size, count);

        // Passages of an unanswered question stay labelled as such on every page.
        var related = !AnswerBlocksRenderer.IsAnswered(answer);
        var title = related
            ? string.Create(CultureInfo.InvariantCulture, $"Related passages {first + 1}–{end} of {count} (not answers)")
            : string.Create(CultureInfo.InvariantCulture, $"Sources {first + 1}–{end} of {count}");
        var blocks = new List<SlackBlock>(size + 3)
        {
            new SectionBlock(TextObject.Markdown($"*{title}*")),
            new ContextBlock([TextObject.Markdown("*Q:* " + AnswerBlocksRenderer.Question(answer))]),
        };
        blocks.AddRange(CitationBlocks.Blocks(answer.Citations, first, size, related));
        if (end < count)
        {
            blocks.Add(new ActionsBlock([AnswerButtons.More(askId, page + 1)]));
        }

        return new SlackMessage
        {
            ResponseType = SlackMessage.Ephemeral,
            Text = title,
            Blocks = blocks,
            ReplaceOriginal = false,
        };
    }
}
