using IncidentBot.Core.Answers;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Feedback;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Timeline;
using IncidentBot.Slack.Commands;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Tests.TestSupport;

/// <summary>
/// A temp folder (<c>ibslack-&lt;guid&gt;</c>) holding a copy of <c>Fixtures/seeds</c>, a real Lucene index built
/// from it, and a real <see cref="ConversationStore"/> on a SQLite file; plus <see cref="SlackCommandHandler"/>s built
/// on them. Everything is disposed and the folder deleted at the end.
/// </summary>
internal sealed class IndexHarness : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private IndexHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "ibslack-" + Guid.NewGuid().ToString("N"));
        SeedsPath = Path.Combine(Root, "seeds");
        IndexPath = Path.Combine(Root, "index");
        DatabasePath = Path.Combine(Root, "data", "conversations.db");
        Directory.CreateDirectory(SeedsPath);
        foreach (var file in Directory.EnumerateFiles(FixtureSeedsPath))
        {
            File.Copy(file, Path.Combine(SeedsPath, Path.GetFileName(file)));
        }
    }

    /// <summary>The seed documents copied to the test output (<c>Fixtures/seeds</c>).</summary>
    public static string FixtureSeedsPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds");

    /// <summary>File name of the one fixture seed document.</summary>
    public static string SeedFileName => Path.GetFileName(Directory.EnumerateFiles(FixtureSeedsPath).Single());

    public string Root { get; }

    public string SeedsPath { get; }

    public string IndexPath { get; }

    public string DatabasePath { get; }

    public IncidentIndex Index { get; private set; } = null!;

    public AnswerEngine Engine { get; private set; } = null!;

    public SourceCatalog Catalog { get; private set; } = null!;

    public ConversationStore Store { get; private set; } = null!;

    /// <summary>Copies the fixture seeds, builds the index (asserting it was built) and opens the store.</summary>
    public static async Task<IndexHarness> CreateAsync()
    {
        var harness = new IndexHarness();
        try
        {
            harness.Index = harness.Own(new IncidentIndex(
                Options.Create(new IndexOptions { Path = harness.IndexPath }),
                Options.Create(new SeedsOptions { Path = harness.SeedsPath }),
                new SeedLoader(NullLogger<SeedLoader>.Instance),
                NullLogger<IncidentIndex>.Instance));
            var built = await harness.Index.EnsureReadyAsync(CancellationToken.None);
            Assert.True(built.Status == ReindexStatus.Built, built.Error);
            harness.Engine = harness.Own(new AnswerEngine(harness.Index));
            harness.Catalog = new SourceCatalog(harness.Index);
            harness.Store = harness.Own(new ConversationStore(
                Options.Create(new DataOptions { Path = harness.DatabasePath }),
                NullLogger<ConversationStore>.Instance));
            return harness;
        }
        catch
        {
            harness.Dispose();
            throw;
        }
    }

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

    public T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        if (Index is not null)
        {
            Index.AfterSentenceIndexed = null;
        }

        // Handlers, store, engine and index in reverse order of creation (the index holds files open).
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
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
