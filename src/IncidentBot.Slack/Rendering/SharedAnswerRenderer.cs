using System.Text.RegularExpressions;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// The in-channel copy of an answer, posted to a "Share in channel" click's <c>response_url</c>: the answer's
/// blocks without the Share button, a first context line "Shared by &lt;@USER&gt;", <c>in_channel</c>, and
/// <c>replace_original: false</c> so the asker's ephemeral answer stays as it is.
/// </summary>
public static partial class SharedAnswerRenderer
{
    /// <summary>Longer ids are not Slack user ids; the cap keeps a forged payload from bloating the line.</summary>
    private const int MaxUserIdLength = 32;

    /// <summary>Renders <paramref name="view"/> for the channel (its <see cref="SlackAnswerView.Ephemeral"/> is ignored).</summary>
    /// <param name="view">The stored answer, rendered as for <see cref="AnswerBlocksRenderer.Render"/>.</param>
    /// <param name="sharedByUserId">
    /// The clicking user's id from Slack's payload (<c>user.id</c>), never user text. It is used as a mention only
    /// when it looks like one (<c>^[UW][A-Z0-9]+$</c>); otherwise the "Shared by" line is left out.
    /// </param>
    public static SlackMessage Render(SlackAnswerView view, string? sharedByUserId)
    {
        ArgumentNullException.ThrowIfNull(view);
        var blocks = AnswerBlocksRenderer.Blocks(view, share: false);
        if (IsUserId(sharedByUserId))
        {
            blocks.Insert(0, new ContextBlock([TextObject.Markdown($"Shared by <@{sharedByUserId}>")]));
        }

        return new SlackMessage
        {
            ResponseType = SlackMessage.InChannel,
            Text = AnswerBlocksRenderer.Fallback(view.Answer),
            Blocks = blocks,
            ReplaceOriginal = false,
        };
    }

    /// <summary>True for a Slack user id such as <c>U024BE7LH</c> or <c>W012A3CDE</c>.</summary>
    internal static bool IsUserId(string? id) => id is { Length: <= MaxUserIdLength } && UserIdPattern().IsMatch(id);

    // \z, not $: "$" also matches before a final "\n".
    [GeneratedRegex(@"^[UW][A-Z0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();
}
