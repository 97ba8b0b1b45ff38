using System.Globalization;
using IncidentBot.Cli;
using IncidentBot.Slack.Tests.Fakes;
using IncidentBot.Tests.Discord;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>
/// The Slack side of <c>serve</c>, in-process: malformed Slack settings refuse to start (exit code 2, naming the
/// key), and an app token Slack refuses stops the service with exit code 1. Settings go in through environment
/// variables, as in production.
/// </summary>
[Collection(ProcessEnvironmentGroup.Name)]
public sealed class SlackCliTests : IAsyncLifetime, IDisposable
{
    private const string RefusedAppToken = "xapp-1-A111-111-revoked";

    /// <summary>How many times the start-up race is run.</summary>
    private const int Runs = 40;

    private static readonly TimeSpan ServeWait = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _temp = new();
    private FakeSlack _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Slack__BotToken", "xoxp-wrong", "Slack:BotToken", true)]
    [InlineData("Slack__BotToken", "xoxb-with space", "Slack:BotToken", true)]
    [InlineData("Slack__AppToken", "xoxb-111-222-test", "Slack:AppToken", true)]
    [InlineData("Slack__SigningSecret", "short-secret", "Slack:SigningSecret", true)]
    [InlineData("Slack__ApiBaseUrl", "ftp://slack.example/api/", "Slack:ApiBaseUrl", false)]
    [InlineData("Slack__AskCommand", "ask", "Slack:AskCommand", false)]
    [InlineData("Slack__AdminUserIds__0", "not-an-id", "Slack:AdminUserIds", false)]
    public async Task Serve_MalformedSlackSetting_ExitsTwoNamingTheKey(string variable, string value, string key, bool secret)
    {
        using var environment = new EnvironmentScope(Settings(new() { [variable] = value }));

        var result = await CliRunner.RunOnAsync(TestSeeds.Main, _temp.Index, "serve", "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(key, result.Error, StringComparison.Ordinal);
        if (secret)
        {
            Assert.DoesNotContain(value, result.Error, StringComparison.Ordinal);
        }

        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Serve_AppTokenRefusedBySlack_ExitsOneNamingSlackAppToken()
    {
        // A rate limit first (Retry-After 1 s), so the refusal comes once the service is surely up.
        _fake.EnqueueRateLimited("apps.connections.open", 1);
        using var environment = new EnvironmentScope(Settings(new()
        {
            ["Slack__AppToken"] = RefusedAppToken,
            ["Slack__ApiBaseUrl"] = _fake.ApiBaseUrl.AbsoluteUri,
        }));

        var result = await ServeUntilItStopsAsync(_temp.Index);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Slack:AppToken", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(RefusedAppToken, result.Error + result.Out, StringComparison.Ordinal);
        var opens = _fake.Requests.Where(r => r.Path == "/api/apps.connections.open").ToList();
        Assert.Equal(2, opens.Count); // The rate limit is retried, the refusal is not.
        Assert.All(opens, r => Assert.Equal("Bearer " + RefusedAppToken, r.Header("Authorization")));
        Assert.Equal(0, _fake.ConnectionCount);
    }

    /// <summary>
    /// Slack refuses the app token at once, often before the host has finished starting (the Slack service runs
    /// beside the rest of the start-up). Whatever the timing, the exit line must name the key to fix. The race is
    /// run many times because a single run only sometimes hits it.
    /// </summary>
    [Fact]
    public async Task Serve_AppTokenRefusedAtOnce_EveryRunExitsOneNamingSlackAppToken()
    {
        var wrong = new List<string>();
        for (var run = 0; run < Runs; run++)
        {
            await using var fake = await FakeSlack.StartAsync();
            using var temp = new TempDirectory();
            using var environment = new EnvironmentScope(Settings(new()
            {
                ["Slack__AppToken"] = RefusedAppToken,
                ["Slack__ApiBaseUrl"] = fake.ApiBaseUrl.AbsoluteUri,
                ["Data__Path"] = temp.Combine(Path.Combine("data", "incidentbot.db")),
            }));

            var result = await ServeUntilItStopsAsync(temp.Index);
            if (result.ExitCode != 1 || !result.Error.Contains("Slack:AppToken", StringComparison.Ordinal))
            {
                wrong.Add($"run {run}: {result.ToString().ReplaceLineEndings(" ")}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {Runs} runs did not exit 1 naming Slack:AppToken:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    /// <summary>Runs <c>serve</c> in-process (CliApp directly: if it does not stop by itself, the test stops it).</summary>
    private static async Task<CliResult> ServeUntilItStopsAsync(string index)
    {
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var serve = CliApp.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--seeds", TestSeeds.Main, "--index", index],
            new CliConsole(TextReader.Null, output, error),
            stop.Token);
        int exitCode;
        try
        {
            exitCode = await serve.WaitAsync(ServeWait);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(serve, Task.Delay(ServeWait));
        }

        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Every variable a test may touch, so none leaks in from the machine or stays behind.</summary>
    private Dictionary<string, string?> Settings(Dictionary<string, string?> changes)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Slack__BotToken"] = null,
            ["Slack__AppToken"] = null,
            ["Slack__SigningSecret"] = null,
            ["Slack__ApiBaseUrl"] = _fake.ApiBaseUrl.AbsoluteUri,
            ["Slack__AskCommand"] = null,
            ["Slack__AdminUserIds__0"] = null,
            ["Discord__Token"] = null,
            ["Discord__Mode"] = null,
            ["Discord__PublicKey"] = null,
            ["Data__Path"] = _temp.Combine(Path.Combine("data", "incidentbot.db")),
            ["Admin__ApiKey"] = null,
        };
        foreach (var (name, value) in changes)
        {
            settings[name] = value;
        }

        return settings;
    }
}
