using System.Globalization;
using System.Text;
using IncidentBot.Core.Timeline;
using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Renders the incident timeline as one embed, a line per dated event in date order:
/// <c>**2019-10-31** — sentence with its date expression in bold [source ¶N]</c>. Sentences are document text:
/// Markdown and mentions are escaped (and the message allows no mentions). Lines that do not fit the
/// description are summed up as "…and K more events", so the list never breaks mid-line however long it is.
/// </summary>
public static class TimelineRenderer
{
    public const string Title = "Incident timeline";

    public const string NoEvents = "No dated events in the documents.";

    // One event's line is capped so a single long sentence cannot crowd out the rest of the timeline. The
    // sentence is already windowed around its date (TimelineEvent.ToCitation), so this only bites after escaping.
    private const int MaxLineLength = 400;

    // A deep file path would otherwise eat the sentence's room; the paragraph number is kept whole.
    private const int MaxSourceLength = 80;

    private const string Separator = " — ";

    /// <summary>Renders <paramref name="events"/> (in timeline order), read as of <paramref name="asOf"/> when given.</summary>
    public static MessagePayload Render(IReadOnlyList<TimelineEvent> events, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(events);
        var day = asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var embed = new Embed
        {
            Title = day is null ? Title : $"{Title} as of {day}",
            Description = events.Count > 0 ? List(events)
                : day is null ? NoEvents
                : $"No dated events in the documents dated on or before {day}.",
            Footer = events.Count == 0 ? null : new EmbedFooter(Footer(events)),
        };
        return new MessagePayload { Embeds = [EmbedBudget.Fit(embed)] };
    }

    private static string List(IReadOnlyList<TimelineEvent> events)
    {
        var list = new StringBuilder();
        for (var i = 0; i < events.Count; i++)
        {
            var line = Line(events[i], i + 1);
            var separator = list.Length > 0 ? 1 : 0;

            // Room must stay for the "…and K more events" line unless this is the last event.
            var remaining = events.Count - i - 1;
            var reserve = remaining > 0 ? MoreLine(remaining).Length + 1 : 0;
            if (list.Length + separator + line.Length + reserve > DiscordLimits.EmbedDescription)
            {
                if (list.Length > 0)
                {
                    list.Append('\n');
                }

                return list.Append(MoreLine(events.Count - i)).ToString();
            }

            if (separator > 0)
            {
                list.Append('\n');
            }

            list.Append(line);
        }

        return list.ToString();
    }

    private static string Line(TimelineEvent timelineEvent, int number)
    {
        var citation = timelineEvent.ToCitation(number);
        var source = !string.IsNullOrWhiteSpace(citation.Source) ? citation.Source
            : !string.IsNullOrWhiteSpace(citation.Title) ? citation.Title
            : "Untitled document";

        // The date and the source are kept whole; the sentence gives way (TextTrimmer closes an open "**").
        var head = "**" + timelineEvent.When + "**" + Separator;
        var tail = string.Create(
            CultureInfo.InvariantCulture,
            $" \\[{TextTrimmer.Truncate(Plain(source), MaxSourceLength)} ¶{citation.Paragraph}\\]");
        var sentence = string.IsNullOrWhiteSpace(citation.Snippet)
            ? "(no text)"
            : DiscordMarkdown.Bold(RenderText.SingleLine(citation.Snippet), citation.Highlights).Trim();
        return head + TextTrimmer.Truncate(sentence, MaxLineLength - head.Length - tail.Length) + tail;
    }

    private static string Footer(IReadOnlyList<TimelineEvent> events)
    {
        var documents = events.Select(e => e.Citation.Source).Distinct(StringComparer.Ordinal).Count();
        return $"{RenderText.Count(events.Count, "event")} from {RenderText.Count(documents, "document")} · "
            + "days like “on Thursday” are counted from each document's own date";
    }

    private static string Plain(string text) => DiscordMarkdown.Escape(RenderText.SingleLine(text.Trim()));

    private static string MoreLine(int count) => "…and " + RenderText.Count(count, "more event");
}
