using System.Text.RegularExpressions;
using IncidentBot.Core.Indexing;
using IncidentBot.Discord.Rendering;
using static IncidentBot.Discord.Tests.Rendering.RenderingTestData;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed class SourcesRendererTests
{
    [Fact]
    public void Render_FewDocuments_ListsOneLinePerDocumentWithFooter()
    {
        var embed = Assert.Single(SourcesRenderer.Render([Source(1), Source(2)], Index()).Embeds!);

        Assert.Equal("Indexed documents (2)", embed.Title);
        Assert.Equal(
            "**Document 1** — incidents/doc1.md · 2025-02-02 · 4 paragraphs\n**Document 2** — incidents/doc2.md · 2025-02-03 · 5 paragraphs",
            embed.Description);
        Assert.Equal("Index built 2025-03-14 07:26 UTC · 1,204 sentences", embed.Footer!.Text);
    }

    [Fact]
    public void Render_MarkdownInMetadata_IsEscaped()
    {
        var source = new SourceInfo("a_b.md", "*Outage* <@1> @everyone", null, null, 1, 1, 1);

        var embed = SourcesRenderer.Render([source], null).Embeds![0];

        Assert.Equal("**\\*Outage\\* \\<@1\\> @\u200Beveryone** — a\\_b.md · 1 paragraph", embed.Description);
        Assert.Null(embed.Footer);
    }

    [Fact]
    public void Render_NoDocuments_SaysSo()
    {
        var embed = SourcesRenderer.Render([], Index(0)).Embeds![0];

        Assert.Equal("Indexed documents (0)", embed.Title);
        Assert.Equal("No documents are indexed.", embed.Description);
    }

    [Fact]
    public void Render_FiveHundredDocuments_TruncatesWithCountOfTheRest()
    {
        var sources = Enumerable.Range(1, 500).Select(n => Source(n)).ToList();

        var payload = SourcesRenderer.Render(sources, Index(500));

        DiscordLimitsAssert.WithinLimits(payload);
        var lines = payload.Embeds![0].Description!.Split('\n');
        Assert.Equal("Indexed documents (500)", payload.Embeds[0].Title);
        var more = Regex.Match(lines[^1], "^…and ([0-9]+) more$");
        Assert.True(more.Success, lines[^1]);
        Assert.Equal(500, lines.Length - 1 + int.Parse(more.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("**Document 1** —", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HugeTitles_StaysWithinLimits()
    {
        var sources = Enumerable.Range(1, 50).Select(n => Source(n, Words(3000, "**x**"))).ToList();

        DiscordLimitsAssert.WithinLimits(SourcesRenderer.Render(sources, Index()));
    }
}
