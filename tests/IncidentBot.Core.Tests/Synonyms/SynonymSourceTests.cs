using IncidentBot.Core.Documents;
using IncidentBot.Core.Synonyms;
using IncidentBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Core.Tests.Synonyms;

/// <summary>The seeds folder's synonyms.txt: loaded, reloaded after a change (no reindex), and never a document.</summary>
public sealed class SynonymSourceTests : IDisposable
{
    private readonly IndexHarness _harness = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private readonly SynonymSource _source;

    public SynonymSourceTests()
    {
        _source = new SynonymSource(Options.Create(new SeedsOptions { Path = _harness.SeedsPath }), _time, NullLogger<SynonymSource>.Instance);
    }

    public void Dispose()
    {
        _source.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public void NoFile_NoSynonyms()
    {
        Assert.Equal(0, _source.Current.RuleCount);
    }

    [Fact]
    public void FileWrittenThenEdited_ReloadedAfterTheCheckInterval_RemovedMeansNone()
    {
        _harness.WriteSeed("synonyms.txt", "nso, q cyber");
        Assert.Equal(2, _source.Current.RuleCount);

        _harness.WriteSeed("synonyms.txt", "nso, q cyber, nso group");
        File.SetLastWriteTimeUtc(Path.Combine(_harness.SeedsPath, "synonyms.txt"), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(2, _source.Current.RuleCount); // not checked again yet
        _time.Advance(SynonymSource.CheckInterval);
        Assert.Equal(6, _source.Current.RuleCount);

        File.Delete(Path.Combine(_harness.SeedsPath, "synonyms.txt"));
        _time.Advance(SynonymSource.CheckInterval);
        Assert.Equal(0, _source.Current.RuleCount);
    }

    [Fact]
    public async Task SynonymsFile_IsNotADocument_AndDoesNotChangeTheContentHash()
    {
        _harness.WriteSeed("report.txt", "The keeper logged the storm.");
        var before = SeedLoader.ComputeContentHash(_harness.SeedsPath);
        _harness.WriteSeed("synonyms.txt", "keeper, warden");
        _harness.WriteSeed("notes/synonyms.txt", "Only the top-level file is configuration: this one is a document.");

        var index = _harness.CreateIndex();
        await index.EnsureReadyAsync(CancellationToken.None);

        Assert.Equal(2, index.Snapshot!.Documents);
        _harness.WriteSeed("notes/synonyms.txt", "Changed.");
        File.Delete(Path.Combine(_harness.SeedsPath, "notes", "synonyms.txt"));
        Assert.Equal(before, SeedLoader.ComputeContentHash(_harness.SeedsPath));
    }
}
