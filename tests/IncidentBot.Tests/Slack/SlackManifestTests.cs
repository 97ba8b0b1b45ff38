using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

/// <summary>
/// <c>slack-app-manifest.yml</c> at the repository root creates the Slack app in one step: the commands the bot
/// answers by default, the scopes it needs, interactivity for the buttons, and Socket Mode. Plain text checks
/// (there is no YAML library here).
/// </summary>
public sealed class SlackManifestTests
{
    private static readonly Lazy<string> Manifest = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), "slack-app-manifest.yml")));

    private static string[] Lines => Manifest.Value.ReplaceLineEndings("\n").Split('\n');

    [Fact]
    public void Manifest_DeclaresTheDefaultCommandNames()
    {
        var defaults = new SlackOptions();
        var commands = Lines.Select(l => l.Trim()).Where(l => l.StartsWith("- command:", StringComparison.Ordinal)).Select(l => l["- command:".Length..].Trim()).ToList();

        Assert.Equal([defaults.AskCommand, defaults.SourcesCommand, defaults.TimelineCommand, defaults.ReindexCommand, defaults.GapsCommand], commands);
        Assert.Equal(["/ask", "/incident-sources", "/incident-timeline", "/incident-reindex", "/incident-gaps"], commands);
    }

    [Fact]
    public void Manifest_DeclaresTheCommandsAndChatWriteBotScopes()
    {
        var scopes = Section("scopes:").SkipWhile(l => l.Trim() != "bot:").Skip(1)
            .TakeWhile(l => l.Trim().StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l.Trim()[2..].Trim())
            .ToList();

        Assert.Contains("commands", scopes);
        Assert.Contains("chat:write", scopes);
    }

    [Fact]
    public void Manifest_EnablesInteractivityAndSocketMode()
    {
        var interactivity = Section("interactivity:").Select(l => l.Trim()).ToList();

        Assert.Contains("is_enabled: true", interactivity);
        Assert.Contains(Lines, l => l.Trim() == "socket_mode_enabled: true");
    }

    [Fact]
    public void Manifest_IsPlainYamlWithoutTabs()
    {
        Assert.DoesNotContain('\t', Manifest.Value);
        Assert.Contains(Lines, l => l == "features:");
        Assert.Contains(Lines, l => l == "oauth_config:");
        Assert.Contains(Lines, l => l == "settings:");
    }

    /// <summary>The lines indented under the first line whose trimmed text is <paramref name="header"/>.</summary>
    private static IEnumerable<string> Section(string header)
    {
        var lines = Lines;
        var start = Array.FindIndex(lines, l => l.Trim() == header);
        Assert.True(start >= 0, $"slack-app-manifest.yml has no '{header}' line");
        var indent = Indent(lines[start]);
        return lines.Skip(start + 1).TakeWhile(l => l.Trim().Length == 0 || Indent(l) > indent).Where(l => l.Trim().Length > 0);
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>The folder holding IncidentBot.sln, walking up from the test assembly.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IncidentBot.sln")))
            {
                return folder.FullName;
            }
        }

        Assert.Fail($"No IncidentBot.sln above {AppContext.BaseDirectory}: the manifest test needs a full checkout of the repository.");
        return string.Empty;
    }
}
