using System.CommandLine;

namespace IncidentBot.Cli;

/// <summary>Options shared by several verbs.</summary>
internal static class CliOptions
{
    public static Option<string?> Seeds() => new("--seeds") { Description = "Folder of documents (overrides Seeds:Path)", HelpName = "DIR" };

    public static Option<string?> Index() => new("--index") { Description = "Folder of the search index (overrides Index:Path)", HelpName = "DIR" };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text" };

    public const string VerboseName = "--verbose";

    public static Option<bool> Verbose() => new(VerboseName, "-v") { Description = "Log details and show stack traces", Recursive = true };
}
