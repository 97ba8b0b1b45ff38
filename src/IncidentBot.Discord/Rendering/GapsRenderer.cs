using System.Globalization;
using System.Text;
using IncidentBot.Core.Feedback;
using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Renders the gaps report for the admin who asked, as one ephemeral embed: a line per group of weak questions
/// (shared words, counts, last asked) with up to two example questions quoted. Question texts are people's
/// words: Markdown is escaped (and the message allows no mentions), and groups that do not fit are counted.
/// </summary>
public static class GapsRenderer
{
    /// <summary>Groups asked of the report; more would not fit an embed usefully.</summary>
    public const int Shown = 10;

    private const int ExamplesShown = 2;
    private const int MaxExampleLength = 200;

    public static MessagePayload Render(GapReport? report)
    {
        if (report is null)
        {
            return NoticeRenderer.Ephemeral("The question store cannot be read just now, so there is no gaps report; the details are in the bot's log.");
        }

        var embed = new Embed
        {
            Title = "Questions the documents did not answer well",
            Description = report.Gaps.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"No unanswered or unhelpful questions in the last {report.Days} days.")
                : Describe(report),
            Footer = new EmbedFooter(string.Create(
                CultureInfo.InvariantCulture,
                $"Last {report.Days} days · {RenderText.Count(report.WeakQuestions, "weak question")} · add documents that answer them, then /reindex")),
        };
        return new MessagePayload { Embeds = [EmbedBudget.Fit(embed)], Flags = MessageFlags.Ephemeral };
    }

    private static string Describe(GapReport report)
    {
        var text = new StringBuilder();
        for (var i = 0; i < report.Gaps.Count; i++)
        {
            var entry = Entry(i + 1, report.Gaps[i]);
            var more = report.Gaps.Count - i;
            if (text.Length + entry.Length + 40 > DiscordLimits.EmbedDescription)
            {
                return text.Append(CultureInfo.InvariantCulture, $"…and {more} more groups").ToString();
            }

            text.Append(entry);
        }

        return text.ToString().TrimEnd();
    }

    private static string Entry(int number, QuestionGap gap)
    {
        var entry = new StringBuilder();
        entry.Append(CultureInfo.InvariantCulture, $"**{number}. {DiscordMarkdown.Escape(string.Join(", ", gap.Words))}**: ")
            .Append(RenderText.Count(gap.Questions, "question"))
            .Append(CultureInfo.InvariantCulture, $" ({gap.Unanswered} unanswered, {gap.NotHelpful} not helpful), last {gap.LastAsked:yyyy-MM-dd}\n");
        foreach (var example in gap.Examples.Take(ExamplesShown))
        {
            entry.Append("> ").Append(TextTrimmer.Truncate(DiscordMarkdown.Escape(RenderText.SingleLine(example)), MaxExampleLength)).Append('\n');
        }

        return entry.ToString();
    }
}
