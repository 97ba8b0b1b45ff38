using System.Text;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;
using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Renders an <see cref="Answer"/> as one Discord embed. Answered: the question as title, the quoted sentence
/// (matched words in bold) with its <c>[1]</c> marker, then numbered citations. Not answered: says so plainly
/// and lists the closest passages as "Related, not an answer", never in a way that reads as an answer.
/// Every part is trimmed to Discord's limits whatever the input size (<see cref="EmbedBudget"/>).
/// </summary>
public static class AnswerRenderer
{
    /// <summary>Green: the documents answer the question.</summary>
    public const int AnsweredColor = 0x3BA55C;

    /// <summary>Amber: no answer, only related passages.</summary>
    public const int NotAnsweredColor = 0xFAA61A;

    public const string NotAnsweredTitle = "No answer in the documents";

    /// <summary>
    /// Most citations shown at once. Ten fields at their shrink floor (name 256 + value
    /// <see cref="EmbedBudget.MinFieldValue"/>) plus title and footer leave over 1,000 chars for the answer
    /// (Core caps it at 400), so no shown citation is ever dropped by the 6000 budget. That matters: a
    /// dropped one would be skipped by "More sources" too, whose pages start after the first page size.
    /// </summary>
    public const int MaxShownCitations = 10;

    private const string TitlePrefix = "Q: ";
    private const string CitationMarker = " [1]";
    private const string DefaultNotAnsweredMessage = "The documents don't answer this question.";
    private const string QuestionLabel = "**Question:** ";

    // The reason is one or two sentences; the cap only matters for a pathological message.
    private const int MaxMessageLength = 1000;

    /// <summary>Builds the reply message: embed, buttons (when <see cref="AnswerView.AskId"/> is set) and flags.</summary>
    public static MessagePayload Render(AnswerView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var answer = view.Answer;
        var shown = ShownCitations(view.ShownCitations);

        // Answered without a sentence would be a Core bug; showing passages as "related" is the safe reading.
        var answered = answer.Answered && answer.Text is not null;
        var embed = answered ? Answered(answer, shown) : NotAnswered(answer, shown);
        embed = embed with { Footer = new EmbedFooter(Footer(answer, view.Index, answered)) };
        if (SpellingSuggestion.Describe(answer.DidYouMean) is { } didYouMean)
        {
            // Last in the description, after the answer or the reason, so a cut never takes the answer.
            var line = "\n\n*" + DiscordMarkdown.Escape(didYouMean) + "*";
            embed = embed with { Description = TextTrimmer.Truncate(embed.Description + line, DiscordLimits.EmbedDescription) };
        }
        return new MessagePayload
        {
            Embeds = [EmbedBudget.Fit(embed)],
            Components = Buttons(view.AskId, answer.Citations.Count > shown),
            Flags = view.Ephemeral ? MessageFlags.Ephemeral : null,
        };
    }

    /// <summary>The field count and "More sources" page size a requested value really gives (1–10).</summary>
    internal static int ShownCitations(int requested) => Math.Clamp(requested, 1, MaxShownCitations);

    private static Embed Answered(Answer answer, int shown)
    {
        var marker = answer.Citations.Count > 0 ? CitationMarker : string.Empty;
        var sentence = DiscordMarkdown.Bold(RenderText.SingleLine(answer.Text!), answer.Highlights);
        return new Embed
        {
            Title = TextTrimmer.Truncate(TitlePrefix + Question(answer), DiscordLimits.EmbedTitle),
            Description = TextTrimmer.Truncate(sentence, DiscordLimits.EmbedDescription - marker.Length) + marker,
            Color = AnsweredColor,
            Fields = Fields(answer.Citations, 0, shown, related: false),
        };
    }

    private static Embed NotAnswered(Answer answer, int shown)
    {
        var message = string.IsNullOrWhiteSpace(answer.Message) ? DefaultNotAnsweredMessage : answer.Message;
        var description = new StringBuilder()
            .Append(TextTrimmer.Truncate(DiscordMarkdown.Escape(message.Trim()), MaxMessageLength))
            .Append("\n\n")
            .Append(QuestionLabel);
        var room = DiscordLimits.EmbedDescription - description.Length;
        description.Append(TextTrimmer.Truncate(Question(answer), room));
        return new Embed
        {
            Title = NotAnsweredTitle,
            Description = description.ToString(),
            Color = NotAnsweredColor,
            Fields = Fields(answer.Citations, 0, shown, related: true),
        };
    }

    /// <summary>Citations <c>[start, start + count)</c> as fields; null when there are none.</summary>
    internal static IReadOnlyList<EmbedField>? Fields(IReadOnlyList<Citation> citations, int start, int count, bool related)
    {
        var fields = citations.Skip(start).Take(count).Select(c => CitationFormatter.Field(c, related)).ToList();
        return fields.Count > 0 ? fields : null;
    }

    /// <summary>The question, escaped and on one line.</summary>
    internal static string Question(Answer answer) => DiscordMarkdown.Escape(RenderText.SingleLine(answer.Question.Trim()));

    private static string Footer(Answer answer, IndexSnapshotInfo? index, bool answered)
    {
        // "Quoted from" only when something was quoted as an answer; related passages were merely searched.
        var parts = new List<string>(3);
        if (index is not null)
        {
            parts.Add((answered ? "Quoted from " : "Searched ") + RenderText.Count(index.Documents, "document"));
            parts.Add("index built " + RenderText.UtcMinute(index.BuiltAt));
        }

        if (double.IsFinite(answer.ElapsedMs) && answer.ElapsedMs >= 0)
        {
            parts.Add(RenderText.Milliseconds(answer.ElapsedMs));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>
    /// One row: "More sources" when citations were left out, then the vote buttons. Votes are offered on
    /// unanswered questions too: "not helpful" there still tells us which questions the documents miss, and
    /// "helpful" that declining was right.
    /// </summary>
    private static IReadOnlyList<ActionRow>? Buttons(long? askId, bool moreSources)
    {
        if (askId is not { } id)
        {
            return null;
        }

        var buttons = new List<Button>(3);
        if (moreSources)
        {
            buttons.Add(AskButtons.More(id, 1));
        }

        buttons.AddRange(AskButtons.Votes(id));
        return [new ActionRow(buttons)];
    }
}
