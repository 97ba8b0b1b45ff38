using System.Globalization;
using System.Text;
using IncidentBot.Core.Indexing;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Renders a reindex outcome for the admin who asked, ephemeral: what was built, that nothing changed, or why it
/// failed (the failure kind in plain words, the error text escaped), then up to <see cref="ShownWarnings"/> warnings.
/// </summary>
public static class ReindexBlocksRenderer
{
    /// <summary>Warnings listed one per line; the rest are only counted.</summary>
    public const int ShownWarnings = 5;

    // A single warning (often a file path plus a parser message) must not push the others out.
    private const int MaxWarningLength = 300;
    private const int MaxErrorLength = 1000;

    /// <summary>Builds the ephemeral message: a section with the outcome, and one with the warnings if any.</summary>
    public static SlackMessage Render(ReindexResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        string fallback;
        switch (result.Status)
        {
            case ReindexStatus.Built:
                fallback = "Index rebuilt in " + SlackFormat.Seconds(result.Elapsed) + ".";
                text.Append("*Index rebuilt* in ").Append(SlackFormat.Seconds(result.Elapsed));
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
                fallback = "Index unchanged: nothing to do.";
                text.Append("*Index unchanged*: the documents have not changed since it was built");
                if (result.Index is { } current)
                {
                    text.Append(" (").Append(SlackFormat.UtcMinute(current.BuiltAt)).Append("; ").Append(Counts(current)).Append(')');
                }

                text.Append(". Nothing to do.");
                break;

            default:
                fallback = "Reindex failed: " + Describe(result.Failure) + ".";
                text.Append("*Reindex failed*: ").Append(Describe(result.Failure))
                    .Append(". The previous index, if any, keeps answering.");
                if (!string.IsNullOrWhiteSpace(result.Error))
                {
                    text.Append("\nError: ").Append(SlackTrimmer.Truncate(SlackText.Escape(result.Error.Trim()), MaxErrorLength));
                }

                break;
        }

        var blocks = new List<SlackBlock>(2) { new SectionBlock(TextObject.Markdown(SlackTrimmer.Truncate(text.ToString(), SlackLimits.SectionText))) };
        if (result.Warnings.Count > 0)
        {
            blocks.Add(new SectionBlock(TextObject.Markdown(SlackTrimmer.Truncate(Warnings(result.Warnings), SlackLimits.SectionText))));
        }

        return new SlackMessage { ResponseType = SlackMessage.Ephemeral, Text = fallback, Blocks = blocks };
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
        SlackFormat.Count(index.Documents, "document"),
        SlackFormat.Count(index.Paragraphs, "paragraph"),
        SlackFormat.Count(index.Sentences, "sentence"));

    private static string Warnings(IReadOnlyList<string> warnings)
    {
        var text = new StringBuilder().Append('*').Append(SlackFormat.Count(warnings.Count, "warning")).Append(":*");
        foreach (var warning in warnings.Take(ShownWarnings))
        {
            // Our "• " makes the bullet; the warning's own formatting is escaped.
            text.Append("\n• ").Append(SlackFormat.Plain(warning, MaxWarningLength));
        }

        if (warnings.Count > ShownWarnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n…and {warnings.Count - ShownWarnings:N0} more");
        }

        return text.ToString();
    }
}
