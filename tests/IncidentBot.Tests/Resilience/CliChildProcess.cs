using System.Collections.Concurrent;
using System.Diagnostics;

namespace IncidentBot.Tests.Resilience;

/// <summary>
/// The built <c>incidentbot.dll</c> run as a real child process whose output lines are collected while it runs,
/// so a test can act (e.g. kill it) at a moment the program itself reports. Disposing kills it if still running.
/// </summary>
internal sealed class CliChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _out = new();
    private readonly ConcurrentQueue<string> _error = new();

    private CliChildProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Out => string.Join('\n', _out);

    public string Error => string.Join('\n', _error);

    /// <summary>Starts <c>dotnet incidentbot.dll ARGS</c> in <paramref name="workingDirectory"/> with a clean environment.</summary>
    public static CliChildProcess Start(string workingDirectory, params string[] args)
    {
        // The same binary the in-process tests run: the test project references src/IncidentBot, so the build
        // copies incidentbot.dll and its runtimeconfig.json beside the test assembly.
        var dll = Path.Combine(AppContext.BaseDirectory, "incidentbot.dll");
        Assert.True(File.Exists(dll), $"{dll} not found next to the test assembly");
        Assert.True(File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), $"no runtimeconfig.json beside {dll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Outside the repository, so no appsettings.json above the folder changes the settings.
            WorkingDirectory = workingDirectory,
        };

        // Settings come from the environment as Section__Key (Discord__Token, Seeds__Path, ...): none of the
        // machine's may reach the child, so it runs on its flags and the defaults only. DOTNET_* stay.
        foreach (var name in start.Environment.Keys.Where(name => name.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var child = new CliChildProcess(process);
        process.OutputDataReceived += (_, e) => Collect(child._out, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(child._error, e.Data);
        Assert.True(process.Start(), "the child process did not start");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>True once the child printed a stderr line containing <paramref name="fragment"/>.</summary>
    public bool ErrorContains(string fragment) => _error.Any(line => line.Contains(fragment, StringComparison.Ordinal));

    /// <summary><c>Process.Kill</c>: SIGKILL on Linux, what <c>kill -9</c> sends; the child gets no chance to clean up.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Waits for the child to end; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            // Also waits for the redirected streams to reach their end, so Out and Error are complete.
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public override string ToString() =>
        $"{(_process.HasExited ? $"exit {_process.ExitCode}" : "running")}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }

        _process.Dispose();
    }

    private static void Collect(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
