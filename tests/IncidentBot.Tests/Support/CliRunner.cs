using System.Globalization;
using System.Text.Json;
using IncidentBot.Cli;

namespace IncidentBot.Tests.Support;

/// <summary>What one in-process CLI run returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> OutLines => SplitLines(Out);

    public IReadOnlyList<string> ErrorLines => SplitLines(Error);

    /// <summary>Stdout parsed as exactly one JSON document (throws when it is not).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}

/// <summary>Runs <see cref="CliApp.RunAsync"/> in-process with string streams.</summary>
internal static class CliRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public static async Task<CliResult> RunWithInputAsync(string stdin, params string[] args)
    {
        // A bound on every run: a verb that wrongly starts the service must fail the test, not hang it.
        using var cts = new CancellationTokenSource(Timeout);
        using var input = new StringReader(stdin);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await CliApp.RunAsync(args, new CliConsole(input, output, error), cts.Token);
        Assert.False(cts.IsCancellationRequested, $"incidentbot {string.Join(' ', args)} did not finish within {Timeout}.");
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary><c>verb [args…] --seeds SEEDS --index INDEX</c>.</summary>
    public static Task<CliResult> RunOnAsync(string seeds, string index, params string[] args) =>
        RunAsync([.. args, "--seeds", seeds, "--index", index]);
}
