using System.Text.Json;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Cli;

/// <summary><c>reindex</c>, <c>sources</c> and what the verbs do when the seeds folder is missing or empty.</summary>
public sealed class CliIndexTests : IDisposable
{
    // The seed has 10 paragraphs (19 sentences) after its date line; the Markdown fixture 2 (2).
    private const string Counts = "2 documents, 12 paragraphs, 21 sentences";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Reindex_FreshIndex_BuildsAndPrintsCounts()
    {
        var result = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "reindex");

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.OutLines);
        Assert.StartsWith("Indexed " + Counts + " in ", line, StringComparison.Ordinal);
        Assert.EndsWith(_temp.Index, line, StringComparison.Ordinal);
        Assert.True(TempDirectory.HasCommit(_temp.Index));
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Reindex_SeedsUnchanged_SaysUnchanged()
    {
        Assert.Equal(0, (await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "reindex")).ExitCode);

        var result = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "reindex");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Unchanged (use --force to rebuild): " + Counts, Assert.Single(result.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_Force_RebuildsUnchangedSeeds()
    {
        Assert.Equal(0, (await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "reindex")).ExitCode);

        var result = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "reindex", "--force");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Indexed " + Counts, Assert.Single(result.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_SeedAdded_RebuildsWithoutForce()
    {
        var seeds = _temp.Combine("seeds");
        TestSeeds.CopyTo(TestSeeds.Main, seeds);
        Assert.Equal(0, (await CliRunner.RunOnAsync(seeds, _temp.Index, "reindex")).ExitCode);
        Directory.CreateDirectory(Path.Combine(seeds, "sub"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "sub", "extra.txt"), "The extra note names the ferry captain.\n");

        var result = await CliRunner.RunOnAsync(seeds, _temp.Index, "reindex");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Indexed 3 documents, 13 paragraphs, 22 sentences", Assert.Single(result.OutLines), StringComparison.Ordinal);
        var answer = (await CliRunner.RunOnAsync(seeds, _temp.Index, "ask", "Who is named by the extra note?", "--json")).Json();
        Assert.Equal("sub/extra.txt", answer.GetProperty("citations")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Reindex_GoldenQuestionsInTheSeeds_ReportsThem_RefusesARegression_ForceOverrides()
    {
        var seeds = _temp.Combine("seeds");
        TestSeeds.CopyTo(TestSeeds.Main, seeds);
        await File.WriteAllTextAsync(
            Path.Combine(seeds, "golden-questions.jsonl"),
            $$"""{"question": "{{TestSeeds.TargetedQuestion}}", "expect": ["1,400"]}""" + "\n");
        var built = await CliRunner.RunOnAsync(seeds, _temp.Index, "reindex");
        Assert.True(built.ExitCode == 0, built.ToString());
        Assert.Equal("Golden questions: 1 of 1 pass.", built.OutLines[^1]);
        File.Delete(Path.Combine(seeds, TestSeeds.SeedFile));

        var refused = await CliRunner.RunOnAsync(seeds, _temp.Index, "reindex");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("passes 0 of 1 golden questions, the current one 1", refused.Error, StringComparison.Ordinal);
        Assert.Contains("1,400", (await CliRunner.RunOnAsync(seeds, _temp.Index, "ask", TestSeeds.TargetedQuestion)).Out, StringComparison.Ordinal);
        var forced = await CliRunner.RunOnAsync(seeds, _temp.Index, "reindex", "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal("Golden questions: 0 of 1 pass (before: 1).", forced.OutLines[^1]);
    }

    [Fact]
    public async Task Sources_Text_ListsEachDocumentWithDateAndCount()
    {
        var result = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "sources");

        Assert.True(result.ExitCode == 0, result.ToString());
        var size = new FileInfo(Path.Combine(TestSeeds.Main, TestSeeds.SeedFile)).Length;
        Assert.Equal(3, result.OutLines.Count);
        Assert.StartsWith($"{TestSeeds.SeedFile}  {TestSeeds.SeedDate}  {size:N0} bytes  10 paragraphs", result.OutLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{TestSeeds.NotesFile}  {TestSeeds.NotesDate}", result.OutLines[1], StringComparison.Ordinal);
        Assert.EndsWith(TestSeeds.NotesTitle, result.OutLines[1], StringComparison.Ordinal);
        Assert.Equal("2 documents", result.OutLines[2]);
    }

    [Fact]
    public async Task Sources_Json_ParsesWithMetadataOfEachDocument()
    {
        var result = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "sources", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var sources = result.Json();
        Assert.Equal(2, sources.GetArrayLength());
        var seed = sources[0];
        Assert.Equal(TestSeeds.SeedFile, seed.GetProperty("source").GetString());
        Assert.Equal(TestSeeds.SeedFile, seed.GetProperty("title").GetString());
        Assert.Equal(TestSeeds.SeedDate, seed.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, seed.GetProperty("url").ValueKind);
        Assert.Equal(new FileInfo(Path.Combine(TestSeeds.Main, TestSeeds.SeedFile)).Length, seed.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(10, seed.GetProperty("paragraphs").GetInt32());
        Assert.Equal(19, seed.GetProperty("sentences").GetInt32());
        var notes = sources[1];
        Assert.Equal(TestSeeds.NotesFile, notes.GetProperty("source").GetString());
        Assert.Equal(TestSeeds.NotesTitle, notes.GetProperty("title").GetString());
        Assert.Equal(TestSeeds.NotesDate, notes.GetProperty("date").GetString());
        Assert.Equal(TestSeeds.NotesUrl, notes.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Ask_MarkdownFrontMatter_CitesTitleDateAndUrl()
    {
        var answer = (await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "ask", "Which client version was shipped?", "--json")).Json();

        Assert.True(answer.GetProperty("answered").GetBoolean(), answer.ToString());
        Assert.Contains("2.19.274", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var first = answer.GetProperty("citations")[0];
        Assert.Equal(TestSeeds.NotesFile, first.GetProperty("source").GetString());
        Assert.Equal(TestSeeds.NotesTitle, first.GetProperty("title").GetString());
        Assert.Equal(TestSeeds.NotesDate, first.GetProperty("date").GetString());
        Assert.Equal(TestSeeds.NotesUrl, first.GetProperty("url").GetString());
        Assert.Equal(2, first.GetProperty("paragraph").GetInt32());
    }

    [Theory]
    [InlineData("ask", TestSeeds.TargetedQuestion)]
    [InlineData("reindex")]
    [InlineData("sources")]
    public async Task Verb_MissingSeedsFolder_ExitsOneWithClearError(params string[] verb)
    {
        var missing = _temp.Combine("no-such-seeds");

        var result = await CliRunner.RunOnAsync(missing, _temp.Index, verb);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.Equal($"error: Seeds folder not found: {missing}", line);
        Assert.False(TempDirectory.HasCommit(_temp.Index));
    }

    [Theory]
    [InlineData("ask", TestSeeds.TargetedQuestion)]
    [InlineData("reindex")]
    public async Task Verb_EmptySeedsFolder_ExitsOneWithErrorNamingTheFolderAndNoIndex(params string[] verb)
    {
        var empty = _temp.Combine("empty-seeds");
        Directory.CreateDirectory(empty);
        await File.WriteAllTextAsync(Path.Combine(empty, "ignored.pdf"), "not a seed");

        var result = await CliRunner.RunOnAsync(empty, _temp.Index, verb);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(empty, line, StringComparison.Ordinal);
        Assert.Contains("no readable", line, StringComparison.Ordinal);
        Assert.False(TempDirectory.HasCommit(_temp.Index), "an empty seeds folder must not produce an (empty) index");
    }

    [Fact]
    public async Task Ask_IndexPathIsAFile_ExitsOneWithOneErrorLineNamingIt()
    {
        var file = _temp.Combine("not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        var result = await CliRunner.RunOnAsync(TestSeeds.Main, file, "ask", TestSeeds.TargetedQuestion, "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Equal("x", await File.ReadAllTextAsync(file));
    }
}
