using System.Text;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Indexing;

public sealed class SourceCatalogTests : IDisposable
{
    private readonly IndexHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task List_BuiltIndex_ReturnsDocumentsWithMetadataSizesAndCounts()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);

        var sources = new SourceCatalog(index).List();

        Assert.Equal(["breach.txt", "notes/response.md"], sources.Select(s => s.Source));
        var breach = sources[0];
        Assert.Equal(new SourceInfo("breach.txt", "breach.txt", "2019-11-01", null, Utf8Length(FixtureDocs.Breach), 3, 6), breach);
        var response = sources[1];
        Assert.Equal(
            new SourceInfo("notes/response.md", "Government response", "2019-11-02", "https://example.com/response", Utf8Length(FixtureDocs.Response), 2, 3),
            response);
        Assert.Equal(new FileInfo(Path.Combine(_harness.SeedsPath, "notes", "response.md")).Length, response.SizeBytes);
        Assert.Equal(index.Snapshot!.Paragraphs, sources.Sum(s => s.Paragraphs));
        Assert.Equal(index.Snapshot!.Sentences, sources.Sum(s => s.Sentences));
    }

    [Fact]
    public async Task List_MarkdownHeadingWithoutFrontMatter_UsesHeadingTitleAndNoDate()
    {
        var index = await _harness.CreateReadyIndexAsync(new Dictionary<string, string>
        {
            ["b.md"] = "# Timeline of events\n\nFirst event happened. Second event followed.\n",
            ["a.txt"] = "Plain text without metadata.\n",
        });

        var sources = new SourceCatalog(index).List();

        Assert.Equal(["a.txt", "b.md"], sources.Select(s => s.Source));
        Assert.Equal("a.txt", sources[0].Title);
        Assert.Equal("Timeline of events", sources[1].Title);
        Assert.All(sources, s => Assert.Null(s.Date));
        Assert.All(sources, s => Assert.Null(s.Url));
        Assert.Equal((1, 2), (sources[1].Paragraphs, sources[1].Sentences));
    }

    [Fact]
    public async Task List_AfterReindexWithOtherSeeds_ListsOnlyTheNewDocuments()
    {
        var index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        _harness.ReplaceSeeds(FixtureDocs.B);

        await index.ReindexAsync(force: false, CancellationToken.None);

        Assert.Equal(["krakatoa.txt", "tsunami.txt"], new SourceCatalog(index).List().Select(s => s.Source));
    }

    [Fact]
    public void List_IndexNotReady_ReturnsEmpty()
    {
        var index = _harness.CreateIndex();

        Assert.Empty(new SourceCatalog(index).List());
    }

    private static long Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);
}
