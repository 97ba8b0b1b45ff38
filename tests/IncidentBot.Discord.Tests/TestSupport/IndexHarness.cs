using IncidentBot.Core.Feedback;
using IncidentBot.Core.Timeline;
using IncidentBot.Discord.Interactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Tests.TestSupport;

/// <summary>The shared index and store harness (<see cref="CoreHarness"/>), plus <see cref="InteractionHandler"/>s built on them.</summary>
internal sealed class IndexHarness : CoreHarness
{
    private IndexHarness()
        : base("ibdiscord")
    {
    }

    /// <summary>Copies the fixture seeds, builds the index (asserting it was built) and opens the store.</summary>
    public static Task<IndexHarness> CreateAsync() => InitializeAsync(new IndexHarness());

    /// <summary>A handler on this harness' index and store; <paramref name="configure"/> adjusts the options.</summary>
    public InteractionHandler CreateHandler(Action<DiscordOptions>? configure = null)
    {
        var options = new DiscordOptions { ApplicationId = TestInteractions.ApplicationId };
        configure?.Invoke(options);
        return Own(new InteractionHandler(Engine, Index, Catalog, Store, Own(new GapFinder(Store, TimeProvider.System)), new IncidentTimeline(Index), Options.Create(options), NullLogger<InteractionHandler>.Instance));
    }
}
