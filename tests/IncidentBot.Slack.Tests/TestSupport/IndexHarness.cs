using IncidentBot.Core.Feedback;
using IncidentBot.Core.Timeline;
using IncidentBot.Slack.Commands;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Tests.TestSupport;

/// <summary>The shared index and store harness (<see cref="CoreHarness"/>), plus <see cref="SlackCommandHandler"/>s built on them.</summary>
internal sealed class IndexHarness : CoreHarness
{
    private IndexHarness()
        : base("ibslack")
    {
    }

    /// <summary>Copies the fixture seeds, builds the index (asserting it was built) and opens the store.</summary>
    public static Task<IndexHarness> CreateAsync() => InitializeAsync(new IndexHarness());

    /// <summary>Default test options: everything off, production command names and limits.</summary>
    public static SlackOptions CreateOptions(Action<SlackOptions>? configure = null)
    {
        var options = new SlackOptions();
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A handler on this harness' index and store; <paramref name="configure"/> adjusts the options.</summary>
    public SlackCommandHandler CreateHandler(Action<SlackOptions>? configure = null) => CreateHandler(CreateOptions(configure));

    public SlackCommandHandler CreateHandler(SlackOptions options) =>
        Own(new SlackCommandHandler(Engine, Index, Catalog, Store, Own(new GapFinder(Store, TimeProvider.System)), new IncidentTimeline(Index), Options.Create(options), NullLogger<SlackCommandHandler>.Instance));

    /// <summary>
    /// Starts a forced build that stops at its first sentence until released: the build lock is held, so any
    /// reindex request waits (a "slow" command).
    /// </summary>
    public async Task<BusyIndex> HoldIndexBuildAsync()
    {
        var gate = new ManualResetEventSlim(false);
        var entered = new ManualResetEventSlim(false);
        Index.AfterSentenceIndexed = _ =>
        {
            entered.Set();
            gate.Wait(TimeSpan.FromSeconds(30));
        };
        var build = Task.Run(() => Index.ReindexAsync(force: true, CancellationToken.None));
        await Task.Run(() => Assert.True(entered.Wait(TimeSpan.FromSeconds(10)), "the build did not start"));
        Index.AfterSentenceIndexed = null;
        return new BusyIndex(gate, entered, build);
    }

}

/// <summary>A build held at its first sentence (see <see cref="IndexHarness.HoldIndexBuildAsync"/>).</summary>
internal sealed class BusyIndex(ManualResetEventSlim gate, ManualResetEventSlim entered, Task build) : IDisposable
{
    public async Task ReleaseAsync()
    {
        gate.Set();
        await build.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        gate.Set();
        build.Wait(TimeSpan.FromSeconds(30));
        gate.Dispose();
        entered.Dispose();
    }
}
