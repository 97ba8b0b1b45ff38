using System.Globalization;
using System.Text;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Renders an <see cref="Answer"/> as Block Kit. Answered: a context line <c>*Q:* question</c>, a section with the
/// quoted sentence (matched words in bold) and its <c>[1]</c> marker, one context block per shown citation, and a
/// last context line (documents, index build time, latency). Not answered: a section that says so plainly with the
/// question, and the closest passages labelled "Related, not an answer", never in a way that reads as an answer.
/// Buttons follow when the reply has a stored ask. Every text is trimmed to Slack's limits whatever the input size,
/// and the message has at most 15 blocks.
/// </summary>
public static class AnswerBlocksRenderer
{
    /// <summary>Most citations shown at once (the same cap as on Discord, so "More sources" pages match).</summary>
    public const int MaxShownCitations = 10;

    public const string NotAnsweredTitle = "No answer in the documents";

    /// <summary>The notification fallback of an unanswered question.</summary>
    public const string NotAnsweredFallback = "No answer in the documents.";

    private const string DefaultNotAnsweredMessage = "The documents don't answer this question.";

    // The question is shown on one line; Core already caps it, this only guards a pathological one.
    private const int MaxQuestionLength = 300;

    // The reason is one or two sentences; the cap only matters for a pathological message.
    private const int MaxMessageLength = 1000;

    /// <summary>Builds the reply: blocks, buttons (when <see cref="SlackAnswerView.AskId"/> is set) and the fallback text.</summary>
    public static SlackMessage Render(SlackAnswerView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new SlackMessage
        {
            ResponseType = view.Ephemeral ? SlackMessage.Ephemeral : SlackMessage.InChannel,
            Text = Fallback(view.Answer),
            Blocks = Blocks(view, share: view.Ephemeral),
        };
    }

    /// <summary>The citation count and "More sources" page size a requested value really gives (1–10).</summary>
    internal static int ShownCitations(int requested) => Math.Clamp(requested, 1, MaxShownCitations);

    /// <summary>True when the answer is shown as an answer; a blank sentence would be a Core bug, read as "related".</summary>
    internal static bool IsAnswered(Answer answer) => answer.Answered && !string.IsNullOrWhiteSpace(answer.Text);

    /// <summary>The question, escaped, on one line and capped.</summary>
    internal static string Question(Answer answer) => SlackFormat.Plain(answer.Question, MaxQuestionLength);

    /// <summary>The answer's blocks; <paramref name="share"/> adds the "Share in channel" button.</summary>
    internal static List<SlackBlock> Blocks(SlackAnswerView view, bool share)
    {
        ArgumentNullException.ThrowIfNull(view);
        var answer = view.Answer;
        var shown = ShownCitations(view.ShownCitations);
        var answered = IsAnswered(answer);
        var blocks = new List<SlackBlock>(shown + 5);
        if (answered)
        {
            blocks.Add(new ContextBlock([TextObject.Markdown("*Q:* " + Question(answer))]));
            blocks.Add(new SectionBlock(TextObject.Markdown(Sentence(answer))));
        }
        else
        {
            blocks.Add(new SectionBlock(TextObject.Markdown(NotAnsweredText(answer))));
        }

        if (SpellingSuggestion.Describe(answer.DidYouMean) is { } didYouMean)
        {
            blocks.Add(new ContextBlock([TextObject.Markdown(SlackTrimmer.Truncate(SlackText.Escape(didYouMean), SlackLimits.SectionText))]));
        }

        blocks.AddRange(CitationBlocks.Blocks(answer.Citations, 0, shown, related: !answered));
        if (Footer(answer, view.Index, answered) is { Length: > 0 } footer)
        {
            blocks.Add(new ContextBlock([TextObject.Markdown(footer)]));
        }

        if (Buttons(view.AskId, share, answer.Citations.Count > shown) is { } actions)
        {
            blocks.Add(actions);
        }

        return blocks;
    }

    /// <summary>The plain answer sentence (escaped, ≤ 300 chars), or "No answer in the documents.".</summary>
    internal static string Fallback(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return IsAnswered(answer)
            ? SlackFormat.Plain(answer.Text!, SlackLimits.ShortFallbackText)
            : NotAnsweredFallback;
    }

    private static string Sentence(Answer answer)
    {
        var marker = answer.Citations.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $" [{answer.Citations[0].N}]")
            : string.Empty;
        var sentence = SlackText.Bold(SlackFormat.SingleLine(answer.Text!), answer.Highlights);
        return SlackTrimmer.Truncate(sentence, SlackLimits.SectionText - marker.Length) + marker;
    }

    private static string NotAnsweredText(Answer answer)
    {
        var message = string.IsNullOrWhiteSpace(answer.Message) ? DefaultNotAnsweredMessage : answer.Message;
        return new StringBuilder()
            .Append('*').Append(NotAnsweredTitle).Append("*\n")
            .Append(SlackTrimmer.Truncate(SlackText.Escape(message.Trim()), MaxMessageLength))
            .Append("\n*Question:* ")
            .Append(Question(answer))
            .ToString();
    }

    private static string Footer(Answer answer, IndexSnapshotInfo? index, bool answered)
    {
        // "Quoted from" only when something was quoted as an answer; related passages were merely searched.
        var parts = new List<string>(3);
        if (index is not null)
        {
            parts.Add((answered ? "Quoted from " : "Searched ") + SlackFormat.Count(index.Documents, "document"));
            parts.Add("index built " + SlackFormat.UtcMinute(index.BuiltAt));
        }

        if (double.IsFinite(answer.ElapsedMs) && answer.ElapsedMs >= 0)
        {
            parts.Add(SlackFormat.Milliseconds(answer.ElapsedMs));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>
    /// One row: "Share in channel" (ephemeral replies only), "More sources" when citations were left out, then the
    /// votes. Votes are offered on unanswered questions too: "not helpful" there still tells us which questions the
    /// documents miss, and "helpful" that declining was right.
    /// </summary>
    private static ActionsBlock? Buttons(long? askId, bool share, bool moreSources)
    {
        if (askId is not { } id)
        {
            return null;
        }

        var buttons = new List<ButtonElement>(4);
        if (share)
        {
            buttons.Add(AnswerButtons.Share(id));
        }

        if (moreSources)
        {
            buttons.Add(AnswerButtons.More(id, 1));
        }

        buttons.AddRange(AnswerButtons.Votes(id));
        return new ActionsBlock(buttons);
    }
}
