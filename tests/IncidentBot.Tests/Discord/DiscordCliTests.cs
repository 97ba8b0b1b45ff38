using System.Globalization;
using IncidentBot.Cli;
using IncidentBot.Discord.Tests.Fakes;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Discord;

/// <summary>
/// The Discord side of the command line, in-process: <c>discord register</c> against the fake Discord, and
/// <c>serve</c> in gateway mode, which must end with exit code 1 when Discord rejects the token for good and
/// refuse to start (exit code 2) without one. Settings go in through environment variables, as in production.
/// </summary>
[Collection(ProcessEnvironmentGroup.Name)]
public sealed class DiscordCliTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan GatewayWait = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _temp = new();
    private FakeDiscord _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task DiscordRegister_AgainstDiscord_RegistersThenUnchangedThenForced()
    {
        using var environment = new EnvironmentScope(Settings());

        var first = await RunAsync("discord", "register");
        var second = await RunAsync("discord", "register");
        var forced = await RunAsync("discord", "register", "--force");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("registered 5 commands", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("unchanged", second.Out, StringComparison.Ordinal);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("registered 5 commands", forced.Out, StringComparison.Ordinal);
        Assert.Equal(2, _fake.CommandPutCount);
        Assert.Equal(["ask", "gaps", "reindex", "sources", "timeline"], _fake.GlobalCommands.Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains($"client_id={_fake.ApplicationId}", first.Out, StringComparison.Ordinal);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task DiscordRegister_NoToken_ExitsTwoNamingDiscordToken()
    {
        using var environment = new EnvironmentScope(Settings(new() { ["Discord__Token"] = null }));

        var result = await RunAsync("discord", "register");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("Discord:Token", result.Error, StringComparison.Ordinal);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task DiscordRegister_HttpModeWithInvalidPublicKey_ExitsTwoNamingThePublicKey()
    {
        using var environment = new EnvironmentScope(Settings(new() { ["Discord__Mode"] = "Http", ["Discord__PublicKey"] = "not-a-key" }));

        var result = await RunAsync("discord", "register");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Discord:PublicKey", result.Error, StringComparison.Ordinal);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Serve_GatewayClosedWith4004_ExitsOneMentioningAuthentication()
    {
        using var environment = new EnvironmentScope(Settings(new() { ["Discord__RegisterCommands"] = "false" }));

        // CliApp directly rather than CliRunner: if the script fails, the service is stopped, not left running.
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var serve = CliApp.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--seeds", TestSeeds.Main, "--index", _temp.Index],
            new CliConsole(TextReader.Null, output, error),
            stop.Token);
        int exitCode;
        try
        {
            var connection = await _fake.NextConnectionAsync(GatewayWait);
            await connection.SendHelloAsync(45000);
            await connection.ExpectAsync(2, GatewayWait);
            await connection.CloseAsync(4004, "Authentication failed.");
            exitCode = await serve.WaitAsync(GatewayWait);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(serve, Task.Delay(GatewayWait));
        }

        var result = new CliResult(exitCode, output.ToString(), error.ToString());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.Error.Contains("authentication", StringComparison.OrdinalIgnoreCase), result.ToString());
        Assert.Equal(1, _fake.ConnectionCount); // A fatal close is not retried.
    }

    [Fact]
    public async Task Serve_StoppedByItsCaller_ExitsZeroWithoutError()
    {
        // Discord off: only the service's own shutdown path is exercised.
        using var environment = new EnvironmentScope(Settings(new() { ["Discord__Token"] = null }));
        var port = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var serve = CliApp.RunAsync(
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--seeds", TestSeeds.Main, "--index", _temp.Index],
            new CliConsole(TextReader.Null, output, error),
            stop.Token);
        int exitCode;
        try
        {
            await WaitUntilListeningAsync(http, serve);
            await stop.CancelAsync();
            exitCode = await serve.WaitAsync(GatewayWait);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(serve, Task.Delay(GatewayWait));
        }

        var result = new CliResult(exitCode, output.ToString(), error.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Serve_GatewayModeWithoutToken_ExitsTwoNamingDiscordToken()
    {
        using var environment = new EnvironmentScope(Settings(new() { ["Discord__Token"] = null, ["Discord__Mode"] = "Gateway" }));

        var result = await RunAsync("serve", "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Discord:Token", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _fake.ConnectionCount);
    }

    [Fact]
    public async Task Serve_TwoInvalidSections_ExitsTwoNamingBoth()
    {
        using var environment = new EnvironmentScope(Settings(new()
        {
            ["Discord__Token"] = null,
            ["Discord__Mode"] = "Gateway",
            ["Admin__ApiKey"] = "short",
        }));

        var result = await RunAsync("serve", "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Discord:Token", result.Error, StringComparison.Ordinal);
        Assert.Contains("Admin:ApiKey", result.Error, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls /healthz until the service answers; fails if the service ends first or after a bound.</summary>
    private static async Task WaitUntilListeningAsync(HttpClient http, Task<int> serve)
    {
        var deadline = DateTime.UtcNow + GatewayWait;
        while (true)
        {
            Assert.False(serve.IsCompleted, "serve ended before it listened");
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, $"serve did not answer /healthz within {GatewayWait}");
            await Task.Delay(50);
        }
    }

    /// <summary>Every variable a test may touch, so none leaks in from the machine or stays behind.</summary>
    private Dictionary<string, string?> Settings(Dictionary<string, string?>? changes = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Discord__Token"] = _fake.Token,
            ["Discord__ApplicationId"] = _fake.ApplicationId,
            ["Discord__ApiBaseUrl"] = _fake.ApiBaseUrl.ToString(),
            ["Discord__RestRetryDelayMs"] = "20",
            ["Discord__Mode"] = null,
            ["Discord__PublicKey"] = null,
            ["Discord__GuildId"] = null,
            ["Discord__RegisterCommands"] = null,
            ["Data__Path"] = _temp.Combine(Path.Combine("data", "incidentbot.db")),
            ["Admin__ApiKey"] = null,
        };
        foreach (var (name, value) in changes ?? [])
        {
            settings[name] = value;
        }

        return settings;
    }

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, args);
}
