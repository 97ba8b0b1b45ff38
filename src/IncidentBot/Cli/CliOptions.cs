using System.CommandLine;

namespace IncidentBot.Cli;

/// <summary>Options shared by several verbs.</summary>
internal static class CliOptions
{
    public static Option<string?> Seeds() => NonBlank(new("--seeds") { Description = "Folder of documents (overrides Seeds:Path)", HelpName = "DIR" });

    public static Option<string?> Index() => NonBlank(new("--index") { Description = "Folder of the search index (overrides Index:Path)", HelpName = "DIR" });

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text" };

    public const string VerboseName = "--verbose";

    public static Option<bool> Verbose() => new(VerboseName, "-v") { Description = "Log details and show stack traces", Recursive = true };

    /// <summary>Settings overrides from <c>--seeds</c>/<c>--index</c>: paths typed by a person, so relative to the current folder.</summary>
    public static Dictionary<string, string?> PathOverrides(string? seeds, string? index)
    {
        var overrides = new Dictionary<string, string?>();
        if (seeds is not null)
        {
            overrides["Seeds:Path"] = Path.GetFullPath(seeds);
        }

        if (index is not null)
        {
            overrides["Index:Path"] = Path.GetFullPath(index);
        }

        return overrides;
    }

    /// <summary>A whole-number option from <paramref name="min"/> to <paramref name="max"/>, <paramref name="fallback"/> when absent.</summary>
    public static Option<int> Bounded(string name, string description, int fallback, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback, HelpName = "N" };
        option.Validators.Add(r =>
        {
            // Read the token, not the value: a non-number already has a parse error, and asking for its value would throw.
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, out var value) && (value < min || value > max))
            {
                r.AddError($"{name} must be from {min} to {max}.");
            }
        });
        return option;
    }

    /// <summary><c>--as-of YYYY-MM-DD</c>: only documents dated on or before that day.</summary>
    public static Option<string?> AsOf()
    {
        var option = new Option<string?>("--as-of") { Description = "Only documents dated on or before this day", HelpName = "YYYY-MM-DD" };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !Core.Timeline.AsOfFilter.TryParse(r.Tokens[0].Value, out _))
            {
                r.AddError("--as-of must be a date written YYYY-MM-DD.");
            }
        });
        return option;
    }

    /// <summary>The parsed <c>--as-of</c>, null when absent (the validator has refused anything else).</summary>
    public static DateOnly? AsOfValue(ParseResult parse, Option<string?> option) =>
        Core.Timeline.AsOfFilter.TryParse(parse.GetValue(option), out var date) ? date : null;

    /// <summary>An empty path would mean the current folder, never what a person meant: a usage error.</summary>
    private static Option<string?> NonBlank(Option<string?> option)
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                r.AddError($"{option.Name} needs a folder path.");
            }
        });
        return option;
    }
}
