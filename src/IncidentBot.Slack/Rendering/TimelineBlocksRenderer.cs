using System.Globalization;
using System.Text;
using IncidentBot.Core.Timeline;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Renders the incident timeline: a header "Incident timeline" (with "as of" the day asked), then a line per
/// dated event in date order (<c>*2019-10-31* — sentence with its date expression in bold · `source` ¶N</c>)
/// packed into sections of at most 3000 chars. Sentences are document text, so they are escaped: no mention,
/// channel ping or link can come out of them. Events past <see cref="MaxListSections"/> sections are summed up
/// as "…and K more events", so no line is cut in two and the message stays far inside 50 blocks.
/// </summary>
public static class TimelineBlocksRenderer
{
    public const string Title = "Incident timeline";

    public const string NoEvents = "No dated events in the documents.";

    /// <summary>
    /// Sections of event lines (about ten each). Five keep a reply readable in a chat; the header, "…and K more"
    /// and the summary line make at most 8 blocks.
    /// </summary>
    public const int MaxListSections = 5;

    // One event's line is capped so a single long sentence cannot crowd out the rest of the timeline. The
    // sentence is already windowed around its date (TimelineEvent.ToCitation), so this only bites after escaping.
    private const int MaxLineLength = 400;

    // A deep file path would otherwise eat the sentence's room; the paragraph number is kept whole.
    private const int MaxSourceLength = 80;

    private const string Separator = " — ";

    /// <summary>Renders <paramref name="events"/> (in timeline order), read as of <paramref name="asOf"/> when given.</summary>
    public static SlackMessage Render(IReadOnlyList<TimelineEvent> events, DateOnly? asOf, bool ephemeral)
    {
        ArgumentNullException.ThrowIfNull(events);
        var day = asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = day is null ? Title : $"{Title} as of {day}";
        var blocks = new List<SlackBlock> { new HeaderBlock(TextObject.Plain(title)) };
        if (events.Count == 0)
        {
            var none = day is null ? NoEvents : $"No dated events in the documents dated on or before {day}.";
            blocks.Add(new SectionBlock(TextObject.Markdown(none)));
        }
        else
        {
            var (sections, left) = Sections(events);
            blocks.AddRange(sections.Select(s => new SectionBlock(TextObject.Markdown(s))));
            if (left > 0)
            {
                blocks.Add(new ContextBlock([TextObject.Markdown("…and " + SlackFormat.Count(left, "more event"))]));
            }

            blocks.Add(new ContextBlock([TextObject.Markdown(Summary(events))]));
        }

        return new SlackMessage
        {
            ResponseType = ephemeral ? SlackMessage.Ephemeral : SlackMessage.InChannel,
            Text = title,
            Blocks = blocks,
        };
    }

    /// <summary>Packs whole lines into sections; returns them and how many events did not fit.</summary>
    private static (List<string> Sections, int Left) Sections(IReadOnlyList<TimelineEvent> events)
    {
        var sections = new List<string>(MaxListSections);
        var current = new StringBuilder();
        for (var i = 0; i < events.Count; i++)
        {
            var line = Line(events[i], i + 1);
            if (current.Length > 0 && current.Length + 1 + line.Length > SlackLimits.SectionText)
            {
                sections.Add(current.ToString());
                current.Clear();
                if (sections.Count == MaxListSections)
                {
                    return (sections, events.Count - i);
                }
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        sections.Add(current.ToString());
        return (sections, 0);
    }

    private static string Line(TimelineEvent timelineEvent, int number)
    {
        var citation = timelineEvent.ToCitation(number);
        var source = !string.IsNullOrWhiteSpace(citation.Source) ? SlackFormat.Code(citation.Source, MaxSourceLength)
            : !string.IsNullOrWhiteSpace(citation.Title) ? SlackFormat.Plain(citation.Title, MaxSourceLength)
            : "Untitled document";

        // The date and the source are kept whole; the sentence gives way (SlackTrimmer closes an open "*"). The
        // source sits after white space: Slack only opens a code span at a word boundary.
        var head = "*" + timelineEvent.When + "*" + Separator;
        var tail = string.Create(CultureInfo.InvariantCulture, $" · {source} ¶{citation.Paragraph}");
        var sentence = string.IsNullOrWhiteSpace(citation.Snippet)
            ? "(no text)"
            : SlackText.Bold(SlackFormat.SingleLine(citation.Snippet), citation.Highlights).Trim();
        return head + SlackTrimmer.Truncate(sentence, MaxLineLength - head.Length - tail.Length) + tail;
    }

    private static string Summary(IReadOnlyList<TimelineEvent> events)
    {
        var documents = events.Select(e => e.Citation.Source).Distinct(StringComparer.Ordinal).Count();
        return $"{SlackFormat.Count(events.Count, "event")} from {SlackFormat.Count(documents, "document")} · "
            + "days like “on Thursday” are counted from each document's own date";
    }
}
