namespace IncidentBot.Configuration;

/// <summary>
/// Resolves where settings and relative paths live. <c>dotnet run --project src/IncidentBot</c> and the
/// published binary start in different folders, so relative paths in <c>appsettings.json</c> are resolved
/// against the folder that holds the settings file in use, never against the process's current folder.
/// </summary>
internal static class AppPaths
{
    public const string SettingsFileName = "appsettings.json";

    /// <summary>Files that mark a folder as IncidentBot's own: the repository root, or the published app (<c>/app</c>).</summary>
    private static readonly string[] RootMarkers = ["IncidentBot.sln", "incidentbot.dll"];

    /// <summary>
    /// The nearest folder, from <paramref name="startDirectory"/> upwards, that has an <c>appsettings.json</c>
    /// beside a marker of this application (so another project's settings file in a parent folder is never
    /// taken for ours); else the folder of the binaries.
    /// </summary>
    public static string FindContentRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SettingsFileName))
                && RootMarkers.Any(marker => File.Exists(Path.Combine(dir.FullName, marker))))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    /// <summary>
    /// A path from settings as an absolute path: as is when rooted, else under <paramref name="baseDirectory"/>;
    /// a blank value stays blank for validation to reject.
    /// </summary>
    public static string ResolveSetting(string baseDirectory, string path) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));
}
