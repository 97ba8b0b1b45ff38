using System.Globalization;
using System.Text;
using IncidentBot.Core.Feedback;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Renders the gaps report for the admin who asked, privately: a header, one section per group of weak
/// questions (shared words, counts, last asked, up to two example questions quoted) and a context line. Question
/// texts are people's words, so they are escaped: no mention, channel ping or link can come out of them.
/// </summary>
public static class GapsBlocksRenderer
{
    /// <summary>Groups asked of the report: a section each keeps the message far inside 50 blocks.</summary>
    public const int Shown = 10;

    private const int ExamplesShown = 2;
    private const int MaxExampleLength = 300;
    private const string Title = "Questions the documents did not answer well";

    public static SlackMessage Render(GapReport? report)
    {
        if (report is null)
        {
            return NoticeRenderer.Ephemeral("The question store cannot be read just now, so there is no gaps report; the details are in the bot's log.");
        }

        var blocks = new List<SlackBlock> { new HeaderBlock(TextObject.Plain(Title)) };
        if (report.Gaps.Count == 0)
        {
            blocks.Add(new SectionBlock(TextObject.Markdown(string.Create(CultureInfo.InvariantCulture, $"No unanswered or unhelpful questions in the last {report.Days} days."))));
        }

        for (var i = 0; i < report.Gaps.Count && i < Shown; i++)
        {
            blocks.Add(new SectionBlock(TextObject.Markdown(Section(i + 1, report.Gaps[i]))));
        }

        blocks.Add(new ContextBlock([TextObject.Markdown(string.Create(
            CultureInfo.InvariantCulture,
            $"Last {report.Days} days · {SlackFormat.Count(report.WeakQuestions, "weak question")} · add documents that answer them, then reindex"))]));
        return new SlackMessage { ResponseType = SlackMessage.Ephemeral, Text = Title, Blocks = blocks };
    }

    private static string Section(int number, QuestionGap gap)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"*{number}. {SlackText.Escape(string.Join(", ", gap.Words))}*: ")
            .Append(SlackFormat.Count(gap.Questions, "question"))
            .Append(CultureInfo.InvariantCulture, $" ({gap.Unanswered} unanswered, {gap.NotHelpful} not helpful), last {gap.LastAsked:yyyy-MM-dd}");
        foreach (var example in gap.Examples.Take(ExamplesShown))
        {
            var line = SlackTrimmer.Truncate(SlackText.Escape(SlackFormat.SingleLine(example)), MaxExampleLength);
            text.Append("\n>").Append(line);
        }

        return SlackTrimmer.Truncate(text.ToString(), SlackLimits.SectionText);
    }
}
