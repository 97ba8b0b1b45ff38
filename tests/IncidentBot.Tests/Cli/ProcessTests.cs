using System.Diagnostics;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Cli;

/// <summary>The built binary, run as a real process: exit codes and streams as a shell sees them.</summary>
public sealed class ProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Binary_AskJson_ExitsZeroWithTheAnswerOnStdout()
    {
        var (exitCode, stdout, stderr) = await RunAsync("ask", TestSeeds.TargetedQuestion, "--json", "--seeds", TestSeeds.Main, "--index", _temp.Index);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var result = new CliResult(exitCode, stdout, stderr);
        Assert.Single(result.OutLines);
        var answer = result.Json();
        AnswerJson.AssertShape(answer);
        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.Contains("1,400", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestSeeds.SeedFile, answer.GetProperty("citations")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Binary_EmptyQuestion_ExitsTwoWithOneErrorLineAndNoStackTrace()
    {
        var (exitCode, stdout, stderr) = await RunAsync("ask", "", "--seeds", TestSeeds.Main, "--index", _temp.Index);

        Assert.True(exitCode == 2, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(new CliResult(exitCode, stdout, stderr).ErrorLines);
        Assert.StartsWith("error:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_TopNotANumber_ExitsTwoWithoutStackTrace()
    {
        var (exitCode, stdout, stderr) = await RunAsync("ask", TestSeeds.TargetedQuestion, "--top", "abc", "--seeds", TestSeeds.Main, "--index", _temp.Index);

        Assert.True(exitCode == 2, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Admin__ApiKey", "short", "Admin:ApiKey")]
    [InlineData("Admin__ApiKey", " padded-key-with-spaces ", "Admin:ApiKey")]
    [InlineData("Seeds__Path", "   ", "Seeds:Path")]
    [InlineData("Ranking__Candidates", "0", "RankingOptions.Candidates")]
    public async Task Binary_InvalidSettingInEnvironment_ExitsTwoWithInvalidConfiguration(string variable, string value, string setting)
    {
        // Environment variables only reach a child process, so this cannot leak into the other tests.
        string[] paths = variable == "Seeds__Path" ? ["--index", _temp.Index] : ["--seeds", TestSeeds.Main, "--index", _temp.Index];
        var environment = new Dictionary<string, string> { [variable] = value };

        var (exitCode, stdout, stderr) = await RunWithEnvironmentAsync(environment, ["sources", .. paths]);

        Assert.True(exitCode == 2, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(new CliResult(exitCode, stdout, stderr).ErrorLines);
        Assert.StartsWith("error: Invalid configuration: ", line, StringComparison.Ordinal);
        Assert.Contains(setting, line, StringComparison.Ordinal);
        Assert.False(TempDirectory.HasCommit(_temp.Index));
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), args);

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "incidentbot.dll");
        Assert.True(File.Exists(dll), $"{dll} not found next to the test assembly");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Outside the repository, so no appsettings.json above the folder changes the settings.
            WorkingDirectory = _temp.Root,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"incidentbot {string.Join(' ', args)} did not exit within {Timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
