namespace IncidentBot.Configuration;

/// <summary>
/// Resolves where settings and relative paths live. <c>dotnet run --project src/IncidentBot</c> and the
/// published binary start in different folders, so relative paths in <c>appsettings.json</c> are resolved
/// against the folder that holds the settings file in use, never against the process's current folder.
/// </summary>
internal static class AppPaths
{
    public const string SettingsFileName = "appsettings.json";

    /// <summary>
    /// The nearest folder, from <paramref name="startDirectory"/> upwards, that has an <c>appsettings.json</c>
    /// (the repository root, or <c>/app</c> in the container); else the folder of the binaries.
    /// </summary>
    public static string FindContentRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SettingsFileName)))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    /// <summary>An absolute path: <paramref name="path"/> as is when rooted, else under <paramref name="baseDirectory"/>.</summary>
    public static string Resolve(string baseDirectory, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));
}
