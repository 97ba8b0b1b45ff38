using System.Text;
using IncidentBot.Core.Documents;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Core.Tests.Documents;

public sealed class SeedLoaderTests : IDisposable
{
    private readonly TempDirectory _seeds = new();
    private readonly CapturingLogger<SeedLoader> _logger = new();

    public void Dispose() => _seeds.Dispose();

    [Fact]
    public void Load_NestedFolders_LoadsSupportedFilesInOrdinalOrder()
    {
        _seeds.WriteText("b.txt", "Bee.");
        _seeds.WriteText("a/z.md", "Zed.");
        _seeds.WriteText("a/B.TXT", "Upper extension.");
        _seeds.WriteText("A.md", "Capital A.");
        _seeds.WriteText("a/deeper/c.Md", "Deep.");
        _seeds.WriteText("notes.json", "{\"ignored\": true}");
        _seeds.WriteText("readme.markdown", "Ignored too.");

        SeedLoadResult result = Load();

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(["A.md", "a/B.TXT", "a/deeper/c.Md", "a/z.md", "b.txt"], result.Corpus.Documents.Select(d => d.Source));
        Assert.Equal(Path.GetFullPath(_seeds.Path), result.Corpus.RootPath);
        Assert.Empty(result.Corpus.Warnings);
    }

    [Fact]
    public void Load_MarkdownAndText_TakesTitleDateUrlFromMetadataElseFileName()
    {
        _seeds.WriteText("front.md", "---\ntitle: \"Breach: timeline\"\ndate: 2019-11-01\nurl: https://example.com/x\n---\n# Ignored heading\n\nFirst para.\n\nSecond para. Two sentences.\n");
        _seeds.WriteText("heading.md", "# From Heading\n\nOnly paragraph.");
        _seeds.WriteText("news.txt", " date 2019-11-01 New Delhi: Whatsapp, in a statement, said so. It also assured.\n\nNext.");

        SeedLoadResult result = Load();

        Assert.True(result.IsSuccess, result.Error);
        SourceDocument front = result.Corpus.Documents[0];
        Assert.Equal("Breach: timeline", front.Title);
        Assert.Equal(new DateOnly(2019, 11, 1), front.Date);
        Assert.Equal("https://example.com/x", front.Url);
        Assert.Equal(new FileInfo(Path.Combine(_seeds.Path, "front.md")).Length, front.SizeBytes);
        Assert.Equal([1, 2], front.Paragraphs.Select(p => p.Number));
        Assert.Equal(["Second para.", "Two sentences."], front.Paragraphs[1].Sentences);

        SourceDocument heading = result.Corpus.Documents[1];
        Assert.Equal("From Heading", heading.Title);
        Assert.Null(heading.Date);
        Assert.Equal("Only paragraph.", Assert.Single(heading.Paragraphs).Text);

        SourceDocument news = result.Corpus.Documents[2];
        Assert.Equal("news.txt", news.Title);
        Assert.Equal(new DateOnly(2019, 11, 1), news.Date);
        Assert.Null(news.Url);
        Assert.Equal(["New Delhi: Whatsapp, in a statement, said so.", "It also assured."], news.Paragraphs[0].Sentences);
    }

    [Fact]
    public void Load_Utf8BomAndUtf16Bom_DecodeWithoutWarnings()
    {
        _seeds.WriteBytes("bom.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# Titled\n\nCafé text.")]);
        _seeds.WriteBytes("utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Wide text.")]);

        SeedLoadResult result = Load();

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("Titled", result.Corpus.Documents[0].Title);
        Assert.Equal("Café text.", result.Corpus.Documents[0].Paragraphs[0].Text);
        Assert.Equal("Wide text.", result.Corpus.Documents[1].Paragraphs[0].Text);
        Assert.Empty(result.Corpus.Warnings);
    }

    [Fact]
    public void Load_InvalidUtf8_LoadsWithReplacementCharacterAndWarnsOnce()
    {
        _seeds.WriteText("good.txt", "Good.");
        _seeds.WriteBytes("bad.txt", [.. "Caf"u8, 0xE9, .. " text. More "u8, 0xC3, .. " bad."u8]);

        SeedLoadResult result = Load();

        Assert.True(result.IsSuccess, result.Error);
        SourceDocument bad = result.Corpus.Documents[0];
        Assert.Equal("bad.txt", bad.Source);
        Assert.Contains("\uFFFD", bad.Paragraphs[0].Text, StringComparison.Ordinal);
        Assert.Equal(["bad.txt: invalid UTF-8, decoded with replacement characters"], result.Corpus.Warnings);
        Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("bad.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BinaryFile_SkipsItWithWarning()
    {
        _seeds.WriteText("text.txt", "Text.");
        _seeds.WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x41]);

        SeedLoadResult result = Load();

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(["text.txt"], result.Corpus.Documents.Select(d => d.Source));
        Assert.Contains("image.txt", Assert.Single(result.Corpus.Warnings), StringComparison.Ordinal);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("image.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_FileWithoutText_SkipsItWithWarning()
    {
        _seeds.WriteText("text.txt", "Text.");
        _seeds.WriteText("blank.md", "---\ntitle: Only metadata\n---\n\n# Heading\n   \n");

        SeedLoadResult result = Load();

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(["text.txt"], result.Corpus.Documents.Select(d => d.Source));
        Assert.Equal(["blank.md: no text"], result.Corpus.Warnings);
    }

    [Fact]
    public void Load_HiddenFilesAndFolders_AreIgnored()
    {
        _seeds.WriteText("visible.txt", "Visible.");
        _seeds.WriteText(".hidden.txt", "Hidden.");
        _seeds.WriteText(".git/inside.md", "Hidden folder.");
        _seeds.WriteText("sub/.draft.md", "Hidden in sub.");

        SeedLoadResult result = Load();

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(["visible.txt"], result.Corpus.Documents.Select(d => d.Source));
    }

    [Fact]
    public void Load_UnreadableFile_SkipsItWithWarningNamingIt()
    {
        _seeds.WriteText("ok.txt", "Readable.");
        string locked = _seeds.WriteText("locked.txt", "Locked.");
        // An exclusive handle makes File.ReadAllBytes fail with an IOException on every platform.
        using var handle = new FileStream(locked, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        SeedLoadResult result = Load();

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(["ok.txt"], result.Corpus.Documents.Select(d => d.Source));
        Assert.StartsWith("locked.txt: could not be read (", Assert.Single(result.Corpus.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFolder_ReturnsFailure()
    {
        SeedLoadResult result = Load();

        Assert.False(result.IsSuccess);
        Assert.Equal($"Seeds folder {Path.GetFullPath(_seeds.Path)} contains no readable .txt or .md documents", result.Error);
    }

    [Fact]
    public void Load_OnlyUnusableFiles_ReturnsFailureAndLogsWarnings()
    {
        _seeds.WriteText("data.json", "{}");
        _seeds.WriteText("empty.txt", " \n ");
        _seeds.WriteBytes("binary.md", [0, 0, 0]);

        SeedLoadResult result = Load();

        Assert.False(result.IsSuccess);
        Assert.Contains("contains no readable .txt or .md documents", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, _logger.Entries.Count(e => e.Level == LogLevel.Warning));
    }

    [Fact]
    public void Load_MissingFolder_ReturnsFailure()
    {
        string missing = Path.Combine(_seeds.Path, "nope");

        SeedLoadResult result = Load(missing);

        Assert.False(result.IsSuccess);
        Assert.Equal($"Seeds folder not found: {missing}", result.Error);
        Assert.Throws<DirectoryNotFoundException>(() => SeedLoader.ComputeContentHash(missing));
    }

    [Fact]
    public void Load_CancelledToken_ThrowsOperationCanceled()
    {
        _seeds.WriteText("a.txt", "Text.");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => new SeedLoader(_logger).Load(_seeds.Path, cts.Token));
    }

    [Fact]
    public void ComputeContentHash_AnyFolder_EqualsLoadHashAndIsLowercaseHex()
    {
        _seeds.WriteText("a.txt", "Text.");
        _seeds.WriteText("sub/b.md", "# B\n\nMore.");
        _seeds.WriteBytes("c.txt", [0, 1, 2]);

        string hash = SeedLoader.ComputeContentHash(_seeds.Path);
        SeedLoadResult result = Load();

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(hash, result.Corpus.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void ComputeContentHash_ContentChangeOrRename_ChangesHashOtherwiseStable()
    {
        string file = _seeds.WriteText("a.txt", "Text.");
        _seeds.WriteText("b.md", "Other.");
        string original = SeedLoader.ComputeContentHash(_seeds.Path);

        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-1));
        _seeds.WriteText("ignored.json", "{}");
        _seeds.WriteText(".hidden.txt", "Hidden.");
        Assert.Equal(original, SeedLoader.ComputeContentHash(_seeds.Path));

        File.WriteAllText(file, "Text!");
        string edited = SeedLoader.ComputeContentHash(_seeds.Path);
        Assert.NotEqual(original, edited);

        File.Move(file, Path.Combine(_seeds.Path, "renamed.txt"));
        string renamed = SeedLoader.ComputeContentHash(_seeds.Path);
        Assert.NotEqual(edited, renamed);

        File.Move(Path.Combine(_seeds.Path, "renamed.txt"), file);
        Assert.Equal(edited, SeedLoader.ComputeContentHash(_seeds.Path));
    }

    private SeedLoadResult Load(string? path = null) => new SeedLoader(_logger).Load(path ?? _seeds.Path, CancellationToken.None);
}
