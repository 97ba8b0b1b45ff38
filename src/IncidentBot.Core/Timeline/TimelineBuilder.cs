using IncidentBot.Core.Documents;

namespace IncidentBot.Core.Timeline;

/// <summary>Turns sentences into timeline events and puts them in order.</summary>
public static class TimelineBuilder
{
    /// <summary>The events of parsed documents (for callers that have not indexed them), in timeline order.</summary>
    public static IReadOnlyList<TimelineEvent> Build(IEnumerable<SourceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var events = new List<TimelineEvent>();
        foreach (var document in documents)
        {
            foreach (var paragraph in document.Paragraphs)
            {
                for (var i = 0; i < paragraph.Sentences.Count; i++)
                {
                    var citation = new TimelineCitation(document.Source, document.Title, document.Date, document.Url, paragraph.Number, i + 1);
                    AddEvents(events, paragraph.Sentences[i], citation);
                }
            }
        }

        return Order(events);
    }

    /// <summary>
    /// Timeline order: by period start, the wider period first when two start on the same day (May before
    /// May 1st, 2019 before January), then by document date, document, paragraph, sentence and position.
    /// </summary>
    public static IReadOnlyList<TimelineEvent> Order(IEnumerable<TimelineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events
            .OrderBy(e => e.When.Start)
            .ThenByDescending(e => e.When.Precision)
            .ThenBy(e => e.Citation.DocumentDate ?? DateOnly.MaxValue)
            .ThenBy(e => e.Citation.Source, StringComparer.Ordinal)
            .ThenBy(e => e.Citation.Paragraph)
            .ThenBy(e => e.Citation.Sentence)
            .ThenBy(e => e.Expression.Start)
            .ToList()
            .AsReadOnly();
    }

    /// <summary>Adds the events of one sentence: one per distinct period it names.</summary>
    internal static void AddEvents(List<TimelineEvent> events, string sentence, TimelineCitation citation)
    {
        // "In May ... again in May" is one event; the first mention is the one cited.
        var seen = new HashSet<TimelineDate>();
        foreach (var mention in DateExpressionExtractor.Extract(sentence, citation.DocumentDate))
        {
            if (seen.Add(mention.When))
            {
                events.Add(new TimelineEvent(mention.When, sentence, mention.Span, mention.IsRelative, citation));
            }
        }
    }
}
