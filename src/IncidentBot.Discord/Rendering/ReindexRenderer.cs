using System.Globalization;
using System.Text;
using IncidentBot.Core.Indexing;
using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Renders a reindex outcome for the admin who asked, as a short ephemeral text: what was built, that
/// nothing changed, or why it failed (in plain words, with the error text escaped).
/// </summary>
public static class ReindexRenderer
{
    /// <summary>Warnings listed one per line; the rest are only counted.</summary>
    public const int ShownWarnings = 5;

    // A single warning (often a file path plus a parser message) must not push the others out.
    private const int MaxWarningLength = 300;
    private const int MaxErrorLength = 1000;

    /// <summary>Builds the ephemeral message (content only, ≤ 2000 chars).</summary>
    public static MessagePayload Render(ReindexResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        switch (result.Status)
        {
            case ReindexStatus.Built:
                text.Append("**Index rebuilt** in ").Append(Seconds(result.Elapsed));
                if (result.Index is { } built)
                {
                    text.Append(": ").Append(Counts(built));
                }

                text.Append('.');
                if (result.Golden is { } golden)
                {
                    text.Append('\n').Append(golden.Summary);
                }

                break;

            case ReindexStatus.Unchanged:
                text.Append("**Index unchanged**: the documents have not changed since it was built");
                if (result.Index is { } current)
                {
                    text.Append(" (").Append(RenderText.UtcMinute(current.BuiltAt)).Append("; ").Append(Counts(current)).Append(')');
                }

                text.Append(". Nothing to do.");
                break;

            default:
                text.Append("**Reindex failed**: ").Append(Describe(result.Failure))
                    .Append(". The previous index, if any, keeps answering.");
                if (!string.IsNullOrWhiteSpace(result.Error))
                {
                    text.Append("\nError: ").Append(TextTrimmer.Truncate(DiscordMarkdown.Escape(result.Error.Trim()), MaxErrorLength));
                }

                break;
        }

        AppendWarnings(text, result.Warnings);
        return new MessagePayload
        {
            Content = TextTrimmer.Truncate(text.ToString(), DiscordLimits.Content),
            Flags = MessageFlags.Ephemeral,
        };
    }

    /// <summary>The failure kind in words an admin can act on.</summary>
    internal static string Describe(ReindexFailure failure) => failure switch
    {
        ReindexFailure.SeedsUnavailable => "the documents folder is missing, unreadable or has no usable document",
        ReindexFailure.Locked => "another reindex is already running; try again in a moment",
        ReindexFailure.IndexUnavailable => "the index folder cannot be created or written",
        ReindexFailure.GoldenQuestions => "the rebuilt index answers the golden questions worse than the current one",
        ReindexFailure.GoldenQuestionsUnreadable => "the golden questions file cannot be read, so the rebuild cannot be checked",
        _ => "the build broke unexpectedly; the details are in the bot's log",
    };

    private static string Counts(IndexSnapshotInfo index) => string.Join(
        ", ",
        RenderText.Count(index.Documents, "document"),
        RenderText.Count(index.Paragraphs, "paragraph"),
        RenderText.Count(index.Sentences, "sentence"));

    private static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static void AppendWarnings(StringBuilder text, IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(RenderText.Count(warnings.Count, "warning")).Append(':');
        foreach (var warning in warnings.Take(ShownWarnings))
        {
            // Our "- " makes the bullet; the warning's own Markdown is escaped.
            text.Append("\n- ").Append(TextTrimmer.Truncate(DiscordMarkdown.Escape(RenderText.SingleLine(warning.Trim())), MaxWarningLength));
        }

        if (warnings.Count > ShownWarnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n…and {warnings.Count - ShownWarnings:N0} more");
        }
    }
}
