using IncidentBot.Configuration;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests;

/// <summary>
/// The settings root is the nearest folder with <c>appsettings.json</c> beside a marker of this application
/// (<c>IncidentBot.sln</c> or <c>incidentbot.dll</c>); another project's settings file is never taken.
/// </summary>
public sealed class AppPathsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("IncidentBot.sln")]
    [InlineData("incidentbot.dll")]
    public void FindContentRoot_SettingsBesideAMarkerAboveTheStart_ChoosesThatFolder(string marker)
    {
        var root = Folder("app");
        Touch(root, "appsettings.json");
        Touch(root, marker);
        var nested = Folder("app/src/deep/er");

        Assert.Equal(root, AppPaths.FindContentRoot(nested));
        Assert.Equal(root, AppPaths.FindContentRoot(root));
    }

    [Fact]
    public void FindContentRoot_ParentHasSettingsButNoMarker_IsNotChosen()
    {
        var foreign = Folder("other-project");
        Touch(foreign, "appsettings.json");
        var nested = Folder("other-project/sub/child");

        var chosen = AppPaths.FindContentRoot(nested);

        Assert.NotEqual(foreign, chosen);
        Assert.Equal(AppContext.BaseDirectory, chosen);
    }

    [Fact]
    public void FindContentRoot_ForeignSettingsNearerThanOurs_SkipsThemForOurs()
    {
        var ours = Folder("repo");
        Touch(ours, "appsettings.json");
        Touch(ours, "IncidentBot.sln");
        var foreign = Folder("repo/tools/other");
        Touch(foreign, "appsettings.json");
        var nested = Folder("repo/tools/other/bin");

        Assert.Equal(ours, AppPaths.FindContentRoot(nested));
    }

    [Fact]
    public void FindContentRoot_MarkerWithoutSettings_IsNotChosen()
    {
        var root = Folder("marker-only");
        Touch(root, "IncidentBot.sln");

        Assert.NotEqual(root, AppPaths.FindContentRoot(Folder("marker-only/child")));
    }

    private string Folder(string relative)
    {
        var path = Path.GetFullPath(_temp.Combine(relative.Replace('/', Path.DirectorySeparatorChar)));
        Directory.CreateDirectory(path);
        return path;
    }

    private static void Touch(string folder, string name) => File.WriteAllText(Path.Combine(folder, name), "{}");
}
