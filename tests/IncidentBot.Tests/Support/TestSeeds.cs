namespace IncidentBot.Tests.Support;

/// <summary>The fixture seed folders copied beside the test assembly, and the facts tests pin about them.</summary>
internal static class TestSeeds
{
    public const string SeedFile = "000_43178d05d4589019.txt";
    public const string SeedDate = "2019-11-01";
    public const string NotesFile = "response-notes.md";
    public const string NotesTitle = "Incident response notes";
    public const string NotesDate = "2019-11-04";
    public const string NotesUrl = "https://example.org/incident/response-notes";
    public const string OtherFile = "lighthouse.txt";

    public const string TargetedQuestion = "How many users were targeted?";
    public const string UnanswerableQuestion = "Who won the cricket match?";

    /// <summary>The incident seed (a byte-for-byte copy of seeds/) plus one Markdown file with front matter.</summary>
    public static string Main => Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds");

    /// <summary>A folder with one unrelated document, to prove which seeds folder is used.</summary>
    public static string Other => Path.Combine(AppContext.BaseDirectory, "Fixtures", "other-seeds");

    /// <summary>Copies <paramref name="source"/> (recursively) into <paramref name="target"/>, for tests that change the seeds.</summary>
    public static void CopyTo(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}

/// <summary>A fresh folder under the temp directory (ibtests-GUID), deleted on dispose; one per test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "ibtests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Where the test's index goes; not created, so the code under test must create it.</summary>
    public string Index => Path.Combine(Root, "index");

    public string Combine(string name) => Path.Combine(Root, name);

    /// <summary>True when a Lucene commit point (segments_N) exists in <paramref name="indexPath"/>.</summary>
    public static bool HasCommit(string indexPath) =>
        Directory.Exists(indexPath) && Directory.EnumerateFiles(indexPath, "segments_*").Any();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
