namespace IncidentBot.Cli;

/// <summary>The streams a verb reads and writes; tests pass their own.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CliConsole System => new(Console.In, Console.Out, Console.Error);

    /// <summary>Bold via ANSI codes only on a terminal that wants colour; elsewhere <c>**word**</c>.</summary>
    public bool UseAnsi => ReferenceEquals(Out, Console.Out)
        && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null;
}
