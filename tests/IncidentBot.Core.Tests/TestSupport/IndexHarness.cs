using System.Text;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Evaluation;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Synonyms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Tests.TestSupport;

/// <summary>
/// A temp folder (<c>ibcore-&lt;guid&gt;</c>) with a seeds folder and an index folder, and the real
/// <see cref="IncidentIndex"/> / <see cref="AnswerEngine"/> objects built on them; all disposed and deleted at the end.
/// </summary>
internal sealed class IndexHarness : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public IndexHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "ibcore-" + Guid.NewGuid().ToString("N"));
        SeedsPath = Path.Combine(Root, "seeds");
        IndexPath = Path.Combine(Root, "index");
        Directory.CreateDirectory(SeedsPath);
    }

    public string Root { get; }

    public string SeedsPath { get; }

    public string IndexPath { get; }

    /// <summary>True when a Lucene commit point (segments_N) exists in the index folder.</summary>
    public bool HasCommit => Directory.Exists(IndexPath) && Directory.EnumerateFiles(IndexPath, "segments_*").Any();

    /// <summary>Writes one UTF-8 seed file ('/'-separated path relative to the seeds folder).</summary>
    public void WriteSeed(string relativePath, string text)
    {
        var fullPath = Path.Combine(SeedsPath, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, text, new UTF8Encoding(false));
    }

    /// <summary>Replaces the whole seeds folder with <paramref name="documents"/>.</summary>
    public void ReplaceSeeds(IReadOnlyDictionary<string, string> documents)
    {
        if (Directory.Exists(SeedsPath))
        {
            Directory.Delete(SeedsPath, recursive: true);
        }

        Directory.CreateDirectory(SeedsPath);
        foreach (var (path, text) in documents)
        {
            WriteSeed(path, text);
        }
    }

    /// <summary>
    /// A new index object on this harness' folders (optionally on another seeds folder), behind the
    /// golden-question gate when <paramref name="goldenQuestions"/> names a file.
    /// </summary>
    public IncidentIndex CreateIndex(string? seedsPath = null, string? goldenQuestions = null)
    {
        var indexOptions = Options.Create(new IndexOptions { Path = IndexPath, GoldenQuestions = goldenQuestions });
        var seedsOptions = Options.Create(new SeedsOptions { Path = seedsPath ?? SeedsPath });
        GoldenQuestionGate? gate = null;
        if (goldenQuestions is not null)
        {
            var synonyms = new SynonymSource(seedsOptions, TimeProvider.System, NullLogger<SynonymSource>.Instance);
            gate = new GoldenQuestionGate(indexOptions, seedsOptions, Options.Create(new RankingOptions()), NullLogger<GoldenQuestionGate>.Instance, synonyms);
            _owned.Add(gate);
        }

        var index = new IncidentIndex(
            indexOptions,
            seedsOptions,
            new SeedLoader(NullLogger<SeedLoader>.Instance),
            NullLogger<IncidentIndex>.Instance,
            gate: gate);
        _owned.Add(index);
        return index;
    }

    /// <summary>Writes <paramref name="documents"/> as the seeds, builds the index and checks it was built.</summary>
    public async Task<IncidentIndex> CreateReadyIndexAsync(IReadOnlyDictionary<string, string> documents)
    {
        ReplaceSeeds(documents);
        var index = CreateIndex();
        var result = await index.EnsureReadyAsync(CancellationToken.None);
        Assert.True(result.Status == ReindexStatus.Built, result.Error);
        return index;
    }

    public AnswerEngine CreateEngine(IncidentIndex index)
    {
        var engine = new AnswerEngine(index);
        _owned.Add(engine);
        return engine;
    }

    public void Dispose()
    {
        // Engines and indexes first (they hold files open), newest first.
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
