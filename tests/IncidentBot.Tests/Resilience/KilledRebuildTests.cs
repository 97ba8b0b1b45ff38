using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using IncidentBot.Tests.Support;
using Lucene.Net.Index;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace IncidentBot.Tests.Resilience;

/// <summary>
/// Acceptance: "A process killed (kill -9) in the middle of a rebuild restarts into a usable index." A real
/// <c>incidentbot reindex</c> child process is killed while its IndexWriter is writing a large corpus into the
/// folder of a good index; the next processes must answer from that good index, build again, and serve.
/// </summary>
public sealed class KilledRebuildTests : IDisposable
{
    /// <summary>Start-up, loading and the first megabyte written; generous, as the machine may be busy.</summary>
    private static readonly TimeSpan WritingWait = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// 100 documents of 100 paragraphs of 4 sentences (40,000 sentences, ~4.7 MB): about 1 s to load and several
    /// seconds of writing before the commit on an idle machine, so the kill lands seconds before the commit.
    /// </summary>
    private const int FillerDocuments = 100;

    private const int ParagraphsPerDocument = 100;

    private const int SentencesPerParagraph = 4;

    /// <summary>
    /// The kill comes once this much of the new segment is on disk: about a third of the stored fields of the
    /// corpus above (3.4 MB), so the build is in its middle, not at its first document nor at its commit.
    /// </summary>
    private const long KillAfterBytes = 1024 * 1024;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Reindex_KilledWhileWriting_NextProcessesAnswerFromThePreviousIndexAndRebuild()
    {
        var index = _temp.Index;
        var good = await CliRunner.RunOnAsync(TestSeeds.Main, index, "reindex");
        Assert.True(good.ExitCode == 0, good.ToString());
        var goodCommit = CommitPoint(index);
        var goodFiles = FileNames(index);
        var bigSeeds = _temp.Combine("big-seeds");
        BulkSeeds.Write(bigSeeds, FillerDocuments, ParagraphsPerDocument, SentencesPerParagraph);

        string[] leftBehind;
        using (var child = CliChildProcess.Start(_temp.Root, "reindex", "--force", "--verbose", "--seeds", bigSeeds, "--index", index))
        {
            await WaitUntilWritingAsync(child, index, goodFiles);

            // Killed while writing; had it already ended (or committed), the test would prove nothing.
            Assert.False(child.HasExited, "the rebuild ended before it could be killed: make the corpus bigger.\n" + child);
            child.Kill();
            Assert.True(await child.WaitForExitAsync(ExitWait), $"the killed child did not end within {ExitWait}");

            // 128 + SIGKILL(9): ended by the signal, not by finishing or failing on its own (Windows has no signals).
            Assert.True(OperatingSystem.IsWindows() || child.ExitCode == 137, child.ToString());
            Assert.DoesNotContain("Indexed", child.Out, StringComparison.Ordinal);
            leftBehind = [.. FileNames(index).Except(goodFiles)];
        }

        // The kill left a half-written segment and the writer's lock file beside the good commit, which is
        // still the last one on disk.
        Assert.True(leftBehind.Any(name => name.StartsWith('_')), "no uncommitted segment file was left behind: " + string.Join(", ", leftBehind));
        Assert.Contains(IndexWriter.WRITE_LOCK_NAME, leftBehind);
        Assert.Equal(goodCommit, CommitPoint(index));

        // A fresh process answers from the good index (the seeds are unchanged, so it must not rebuild).
        var ask = await CliRunner.RunOnAsync(TestSeeds.Main, index, "ask", TestSeeds.TargetedQuestion, "--json");
        Assert.True(ask.ExitCode == 0, ask.ToString());
        Assert.Equal(string.Empty, ask.Error);
        AssertAnswersTargetedQuestion(ask.Json());
        Assert.Equal(goodCommit, CommitPoint(index));

        // The service starts on that folder and becomes ready with the good index (2 documents, not the 100 of the killed build).
        await using (var service = await RunningService.StartAsync(indexPath: index))
        {
            var (readyStatus, ready) = await service.GetJsonAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, readyStatus);
            Assert.Equal(2, ready.GetProperty("index").GetProperty("documents").GetInt32());
            var (askStatus, answer) = await service.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(TestSeeds.TargetedQuestion));
            Assert.Equal(HttpStatusCode.OK, askStatus);
            AssertAnswersTargetedQuestion(answer);
        }

        // A new build in the same folder succeeds despite the killed writer's files and its stale write.lock.
        var rebuild = await CliRunner.RunOnAsync(TestSeeds.Main, index, "reindex", "--force");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.StartsWith("Indexed 2 documents", rebuild.Out, StringComparison.Ordinal);
        Assert.NotEqual(goodCommit, CommitPoint(index));

        // Lucene deletes files no commit refers to when a writer opens: nothing of the killed build stays on disk.
        Assert.Equal(LastCommitFiles(index), FileNames(index).Order(StringComparer.Ordinal));

        var after = await CliRunner.RunOnAsync(TestSeeds.Main, index, "ask", TestSeeds.TargetedQuestion, "--json");
        Assert.True(after.ExitCode == 0, after.ToString());
        AssertAnswersTargetedQuestion(after.Json());
    }

    private static void AssertAnswersTargetedQuestion(JsonElement answer)
    {
        Assert.True(answer.GetProperty("answered").GetBoolean(), answer.ToString());
        Assert.Contains("1,400", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestSeeds.SeedFile, answer.GetProperty("citations")[0].GetProperty("source").GetString());
    }

    /// <summary>
    /// Waits until the child has loaded the seeds (its verbose log says so) and its IndexWriter has written
    /// <see cref="KillAfterBytes"/> of new segment files: the build is well under way, and still seconds from its commit.
    /// </summary>
    private static async Task WaitUntilWritingAsync(CliChildProcess child, string index, HashSet<string> goodFiles)
    {
        var deadline = DateTime.UtcNow + WritingWait;
        while (!(child.ErrorContains($"Loaded {FillerDocuments} seed documents") && NewSegmentBytes(index, goodFiles) >= KillAfterBytes))
        {
            Assert.False(child.HasExited, "the child ended before it had written enough:\n" + child);
            Assert.True(DateTime.UtcNow < deadline, $"the child did not write {KillAfterBytes} bytes within {WritingWait}:\n{child}");
            await Task.Delay(20);
        }
    }

    /// <summary>Bytes in segment files (<c>_N.*</c>) that the good index does not have.</summary>
    private static long NewSegmentBytes(string index, HashSet<string> goodFiles)
    {
        long bytes = 0;
        foreach (var file in new DirectoryInfo(index).EnumerateFiles("_*"))
        {
            try
            {
                bytes += goodFiles.Contains(file.Name) ? 0 : file.Length;
            }
            catch (FileNotFoundException)
            {
                // Lucene deletes files as it merges them into a compound file.
            }
        }

        return bytes;
    }

    private static HashSet<string> FileNames(string folder) =>
        [.. Directory.EnumerateFiles(folder).Select(path => Path.GetFileName(path))];

    /// <summary>The files the last commit needs, and <c>segments.gen</c> (Lucene 4's pointer to it).</summary>
    private static List<string> LastCommitFiles(string index)
    {
        using var directory = FSDirectory.Open(index);
        var commit = DirectoryReader.ListCommits(directory)[^1];
        return [.. commit.FileNames.Append(IndexFileNames.SEGMENTS_GEN).Order(StringComparer.Ordinal)];
    }

    /// <summary>The commit point on disk: every <c>segments_N</c> file with its content.</summary>
    private static string CommitPoint(string index) => string.Join(
        '\n',
        Directory.EnumerateFiles(index, "segments_*")
            .Order(StringComparer.Ordinal)
            .Select(path => Path.GetFileName(path) + ":" + Convert.ToHexString(File.ReadAllBytes(path))));
}
