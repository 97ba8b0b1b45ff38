using IncidentBot.Core.Answers;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace IncidentBot.TestSupport;

/// <summary>
/// A temp folder (<c>PREFIX-&lt;guid&gt;</c>) holding a copy of the test project's <c>Fixtures/seeds</c>, a real
/// Lucene index built from it, and a real <see cref="ConversationStore"/> on a SQLite file. Each chat test project
/// derives its harness from it and adds the handlers of its platform. Everything is disposed and the folder deleted
/// at the end.
/// </summary>
public abstract class CoreHarness : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    protected CoreHarness(string prefix)
    {
        Root = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
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

    /// <summary>Writes one more UTF-8 seed document (the index is not rebuilt).</summary>
    public void WriteSeed(string fileName, string text) => File.WriteAllText(Path.Combine(SeedsPath, fileName), text);

    public T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Builds <paramref name="harness"/>'s index (asserting it was built) and opens its store; disposes it on failure.</summary>
    protected static async Task<T> InitializeAsync<T>(T harness)
        where T : CoreHarness
    {
        ArgumentNullException.ThrowIfNull(harness);
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

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        // A test that held a build at a sentence must not leave the hook behind for the disposal.
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
