using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Timeline;

/// <summary>The dated events of the documents in the index that is answering now, in timeline order.</summary>
/// <remarks>
/// Computed on demand from the open snapshot's sentence table (which already holds every sentence with its
/// document, position and date) rather than stored at build time: nothing in the index schema changes, an
/// older index gets a timeline without a rebuild, and extraction over a corpus of this size takes
/// milliseconds. The result is cached by the snapshot's content hash, so it is computed once per set of seeds.
/// </remarks>
public sealed class IncidentTimeline(IncidentIndex index)
{
    // Immutable and swapped whole: readers never see a hash with another snapshot's events. Two threads
    // that miss together both compute the same list, which is harmless.
    private volatile CachedTimeline? _cache;

    /// <summary>
    /// Every event, or only those read from documents dated on or before <paramref name="asOf"/> (see
    /// <see cref="AsOfFilter"/>); empty when no index is open yet.
    /// </summary>
    public IReadOnlyList<TimelineEvent> Build(DateOnly? asOf = null)
    {
        if (!index.IsReady)
        {
            return [];
        }

        var events = index.Search(Load);
        return asOf is { } cutoff ? AsOfFilter.Apply(events, cutoff) : events;
    }

    private IReadOnlyList<TimelineEvent> Load(IncidentSearcher searcher)
    {
        if (searcher.Snapshot is not { } snapshot)
        {
            return [];
        }

        if (_cache is { } cached && cached.ContentHash == snapshot.ContentHash)
        {
            return cached.Events;
        }

        var events = new List<TimelineEvent>();
        for (var id = 0; id < searcher.IndexReader.MaxDoc; id++)
        {
            if (searcher.Sentences[id] is { } entry)
            {
                DateOnly? date = AsOfFilter.TryParse(entry.Date, out var parsed) ? parsed : null;
                var citation = new TimelineCitation(entry.Source, entry.Title, date, entry.Url, entry.Paragraph, entry.Sentence);
                TimelineBuilder.AddEvents(events, entry.Text, citation);
            }
        }

        var ordered = TimelineBuilder.Order(events);
        _cache = new CachedTimeline(snapshot.ContentHash, ordered);
        return ordered;
    }

    private sealed record CachedTimeline(string ContentHash, IReadOnlyList<TimelineEvent> Events);
}
