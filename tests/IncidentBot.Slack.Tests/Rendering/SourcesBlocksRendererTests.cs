using System.Globalization;
using IncidentBot.Core.Indexing;
using IncidentBot.Slack.Rendering;
using static IncidentBot.Slack.Tests.Rendering.RenderingTestData;
using static IncidentBot.Slack.Tests.Rendering.SlackJson;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed class SourcesBlocksRendererTests
{
    [Fact]
    public void Render_FewDocuments_ListsEachWithDetailsAndIndexLine()
    {
        var message = SourcesBlocksRenderer.Render([Source(1), Source(2)], Index(), ephemeral: true);

        var root = Parse(message);
        Assert.Equal("ephemeral", root.GetProperty("response_type").GetString());
        Assert.Equal("Indexed documents (2)", root.GetProperty("text").GetString());
        var blocks = Blocks(root);
        Assert.Equal(["header", "section", "context"], blocks.Select(Type));
        Assert.Equal("Indexed documents (2)", Text(blocks[0]));
        Assert.Equal(
            "*Document 1* — `incidents/doc1.md` · 2025-02-02 · 4 paragraphs\n*Document 2* — `incidents/doc2.md` · 2025-02-03 · 5 paragraphs",
            Text(blocks[1]));
        Assert.Equal("Index built 2025-03-14 07:26 UTC · 1,204 sentences", Text(blocks[2]));
        AssertWithinLimits(message);
    }

    [Fact]
    public void Render_NoDocumentsNoIndex_SaysSo()
    {
        var root = Parse(SourcesBlocksRenderer.Render([], null, ephemeral: false));

        Assert.Equal("in_channel", root.GetProperty("response_type").GetString());
        Assert.Equal(["header", "section"], Blocks(root).Select(Type));
        Assert.Equal("No documents are indexed.", Text(Blocks(root)[1]));
    }

    [Fact]
    public void Render_NoTitleNoDate_UsesSourceAndOmitsDate()
    {
        var source = new SourceInfo("incidents/x.md", " ", null, null, 10, 1, 1);

        var root = Parse(SourcesBlocksRenderer.Render([source], null, ephemeral: true));

        Assert.Equal("*incidents/x.md* — `incidents/x.md` · 1 paragraph", Text(Blocks(root)[1]));
    }

    [Fact]
    public void Render_MarkupInTitles_IsEscaped()
    {
        var source = new SourceInfo("a_b.md", "<!channel> *boom*", "<@U1>", null, 10, 2, 2);

        var message = SourcesBlocksRenderer.Render([source], null, ephemeral: true);

        Assert.Equal("*&lt;!channel&gt; \u2217boom\u2217* — `a_b.md` · &lt;@U1&gt; · 2 paragraphs", Text(Blocks(Parse(message))[1]));
        AssertWithinLimits(message);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(5000)]
    public void Render_ManyDocuments_TruncatesWithCountWithinLimits(int count)
    {
        var sources = Enumerable.Range(1, count).Select(n => Source(n)).ToList();

        var message = SourcesBlocksRenderer.Render(sources, Index(), ephemeral: true);

        AssertWithinLimits(message);
        var blocks = Blocks(Parse(message));
        Assert.Equal($"Indexed documents ({count:N0})", Text(blocks[0]));
        var sections = blocks.Where(b => Type(b) == "section").ToList();
        Assert.Equal(SourcesBlocksRenderer.MaxListSections, sections.Count);
        var listed = sections.Sum(s => Text(s).Split('\n').Length);
        var more = Text(blocks[^2]);
        Assert.StartsWith("…and ", more, StringComparison.Ordinal);
        Assert.Equal(count - listed, int.Parse(more[5..^5], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.EndsWith(" more", more, StringComparison.Ordinal);
        Assert.All(sections, s => Assert.All(Text(s).Split('\n'), line => Assert.EndsWith("paragraphs", line, StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_HugeTitlesAndSources_KeepsEachLineShortAndWellFormed()
    {
        var huge = Words(10_000, "*t_");
        var sources = Enumerable.Range(1, 200).Select(n => new SourceInfo(huge, huge, huge, null, 1, n, n)).ToList();

        var message = SourcesBlocksRenderer.Render(sources, Index(), ephemeral: false);

        AssertWithinLimits(message);
        var lines = Blocks(Parse(message)).Where(b => Type(b) == "section").SelectMany(b => Text(b).Split('\n')).ToList();
        Assert.All(lines, line => Assert.InRange(line.Length, 1, 400));
    }
}
