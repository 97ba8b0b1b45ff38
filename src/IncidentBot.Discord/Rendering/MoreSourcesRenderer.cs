using System.Globalization;
using IncidentBot.Core.Answers;
using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Renders the "More sources" pages of an answer, always ephemeral (only the clicker sees them). Page
/// <c>p</c> shows the citations at 0-based indexes <c>p*pageSize … p*pageSize + pageSize - 1</c>: the main
/// answer already showed page 0, so its button asks for page 1, and each page's button asks for the next.
/// </summary>
public static class MoreSourcesRenderer
{
    public const string NoMoreSources = "No more sources.";

    /// <summary>Renders page <paramref name="page"/>, or "No more sources." when it is empty or negative.</summary>
    /// <param name="answer">The stored answer whose citations are paged.</param>
    /// <param name="page">0-based page; 1 is the first page after the main answer.</param>
    /// <param name="pageSize">The main answer's <see cref="AnswerView.ShownCitations"/> (clamped to 1–<see cref="AnswerRenderer.MaxShownCitations"/> the same way).</param>
    /// <param name="askId">The stored ask, for the next page's button.</param>
    public static MessagePayload RenderMoreSources(Answer answer, int page, int pageSize, long askId)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var size = AnswerRenderer.ShownCitations(pageSize);
        var count = answer.Citations.Count;
        var start = (long)page * size;
        if (page < 0 || start >= count)
        {
            return new MessagePayload { Content = NoMoreSources, Flags = MessageFlags.Ephemeral };
        }

        var first = (int)start;
        var end = Math.Min(first + size, count);

        // Passages of an unanswered question stay labelled as such on every page.
        var related = !(answer.Answered && answer.Text is not null);
        var title = related
            ? string.Create(CultureInfo.InvariantCulture, $"Related passages {first + 1}–{end} of {count} (not answers)")
            : string.Create(CultureInfo.InvariantCulture, $"Sources {first + 1}–{end} of {count}");
        var embed = new Embed
        {
            Title = title,
            Description = TextTrimmer.Truncate("Q: " + AnswerRenderer.Question(answer), DiscordLimits.EmbedTitle),
            Color = related ? AnswerRenderer.NotAnsweredColor : AnswerRenderer.AnsweredColor,
            Fields = AnswerRenderer.Fields(answer.Citations, first, size, related),
        };
        return new MessagePayload
        {
            Embeds = [EmbedBudget.Fit(embed)],
            Components = end < count ? [new ActionRow([AskButtons.More(askId, page + 1)])] : null,
            Flags = MessageFlags.Ephemeral,
        };
    }
}
