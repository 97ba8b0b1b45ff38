using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Tests.Fakes;
using IncidentBot.Http;
using IncidentBot.Slack.Tests.Fakes;
using IncidentBot.Slack.Tests.Integration;
using IncidentBot.Tests.Discord;
using IncidentBot.Tests.Slack;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Resilience;

/// <summary>
/// Acceptance: "Tokens are never logged (a test greps for them)." The real service runs with every secret set to a
/// distinctive value (Discord bot token, Slack bot and app tokens and signing secret, admin key), logging at Trace,
/// against the fake Discord and the fake Slack; traffic goes through every path that carries a secret, failures
/// included. Then no log entry (message, structured values, scopes or exception) may hold a secret or a piece of one.
/// </summary>
public sealed class SecretsNotLoggedTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private const string DiscordToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GdSc7q.dIsCoRdToKeN-9fQ2vL8wZ3nR6tY1kM4x";
    private const string SlackBotToken = "xoxb-5550001-7770002-bOtToKeNsEcReT-Q4w8e2r6t";
    private const string SlackAppToken = "xapp-1-A111-8880003-aPpToKeNsEcReT-3k9j5h1g7f";
    private const string SlackSigningSecret = "sIgNiNgSeCrEt-5a7c9e1b3d5f7a9c";
    private const string AdminKey = "aDmInApIkEy-2b4d6f8h0j2l4n6p";

    /// <summary>A key someone presented and got refused with: as secret as the right one (it may be a near miss).</summary>
    private const string WrongAdminKey = "wRoNgApIkEy-1a3c5e7g9i1k3m5o";

    /// <summary>Not a secret (Discord publishes it); set so that the Discord section is complete.</summary>
    private const string PublicKey = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private readonly TempDirectory _temp = new();
    private readonly FullLogCapture _log = new();
    private FakeDiscord _discord = null!;
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _discord.Token = DiscordToken;
        _slack = await FakeSlack.StartAsync();
        _slack.BotToken = SlackBotToken;
        _slack.AppToken = SlackAppToken;
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _slack.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_TraceLoggingThroughEverySecretBearingPath_LogsNoSecretNorAPieceOfOne()
    {
        // Secrets that only exist per request: an interaction token and a response_url authenticate like a bot token.
        var interactionToken = "iNtErAcTiOnToKeN-" + Guid.NewGuid().ToString("N");
        var responseUrlSecrets = new List<string>();

        // The first registration PUT fails with a 500: the retry path logs too.
        _discord.EnqueueFailure("PUT", "/commands", 500, """{"message": "500: Internal Server Error", "code": 0}""");

        var app = ServiceApp.Build("http://127.0.0.1:0", Settings());
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(_log);
        try
        {
            using (var start = new CancellationTokenSource(Wait))
            {
                await app.StartAsync(start.Token);
            }

            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = Wait };
            await WaitUntilReadyAsync(http);

            await AskOverDiscordGatewayThenResumeAsync(interactionToken);
            await AskOverSlackSocketModeAsync(responseUrlSecrets);
            await AskOverSlackHttpAsync(http, responseUrlSecrets);
            await ReindexOverHttpAsync(http);

            // Registration ran beside the gateway, with one retry: wait for its outcome before stopping.
            await WaitForLogAsync($"Registered {CommandDefinitions.Build(guild: false).GetArrayLength()} Discord commands");
        }
        finally
        {
            // Stopped before the assertions, so shutdown (gateway close, Socket Mode close) is checked too.
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                await app.StopAsync(stop.Token);
            }

            await app.DisposeAsync();
        }

        var entries = _log.Entries.ToList();

        // The test can only fail if the verbose levels really were on, and the secret-bearing paths really ran.
        Assert.Contains(entries, e => e.Level == LogLevel.Trace);
        Assert.Contains(entries, e => e.Level == LogLevel.Debug);
        foreach (var expected in new[] { "Discord shard 0/1 ready", "resumed its session", "Slack bot token accepted", "Slack Socket Mode connected", "Refused a Slack request: signature" })
        {
            Assert.True(entries.Any(e => e.Message.Contains(expected, StringComparison.Ordinal)), $"no log line with \"{expected}\"");
        }

        Assert.Equal(2, _discord.Requests.Count(r => r.Method == "PUT")); // The refused registration, and its retry.

        var secrets = new List<(string Name, string Value)>
        {
            ("Discord:Token", DiscordToken),
            ("Slack:BotToken", SlackBotToken),
            ("Slack:AppToken", SlackAppToken),
            ("Slack:SigningSecret", SlackSigningSecret),
            ("Admin:ApiKey", AdminKey),
            ("a refused admin key", WrongAdminKey),
            ("a Discord interaction token", interactionToken),
        };
        secrets.AddRange(responseUrlSecrets.Select(secret => ("a Slack response_url", secret)));
        var leaks = (
            from entry in entries
            from secret in secrets
            where Fragments(secret.Value).Any(fragment => entry.Text.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            select $"{secret.Name} in: {entry}").ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log entries (of {entries.Count}) hold a secret or a piece of one:\n{string.Join('\n', leaks.Take(20))}");
    }

    /// <summary>The whole value, and its first and last 12 characters (what a "redacted" prefix or suffix would show).</summary>
    private static string[] Fragments(string secret) => [secret, secret[..12], secret[^12..]];

    private Dictionary<string, string?> Settings() => new()
    {
        ["Seeds:Path"] = TestSeeds.Main,
        ["Index:Path"] = _temp.Index,
        ["Data:Path"] = _temp.Combine(Path.Combine("data", "incidentbot.db")),
        ["Seeds:Watch"] = "false",
        ["Admin:ApiKey"] = AdminKey,

        ["Discord:Mode"] = "Gateway",
        ["Discord:Token"] = DiscordToken,
        ["Discord:ApplicationId"] = _discord.ApplicationId,
        ["Discord:PublicKey"] = PublicKey,
        ["Discord:GuildId"] = "",
        ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
        ["Discord:RestRetryDelayMs"] = "20",
        ["Discord:QuestionsPerWindow"] = "0",
        ["Discord:RegisterCommands"] = "true",

        ["Slack:BotToken"] = SlackBotToken,
        ["Slack:AppToken"] = SlackAppToken,
        ["Slack:SigningSecret"] = SlackSigningSecret,
        ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.AbsoluteUri,
        ["Slack:QuestionsPerWindow"] = "0",

        // Everything, from every category: appsettings.json quiets Microsoft.AspNetCore and HttpClient by name,
        // so those are raised by name too. The console gets nothing (the capture sees all; test output stays readable).
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
        ["Logging:Console:LogLevel:Default"] = "None",
    };

    /// <summary>
    /// Identify (the token over the WebSocket), /ask answered through the REST callback (the interaction token in the
    /// URL), then op 7 and a Resume on a new connection (the token again).
    /// </summary>
    private async Task AskOverDiscordGatewayThenResumeAsync(string interactionToken)
    {
        var first = await _discord.NextConnectionAsync(Wait);
        await first.SendHelloAsync(45_000);
        var identify = await first.ExpectAsync(2, Wait);
        Assert.Equal(DiscordToken, identify.D.GetProperty("token").GetString());
        await first.SendReadyAsync("session-secrets", _discord.ResumeGatewayUrl);

        var ask = JsonNode.Parse(DiscordInteractionsFixture.Command("ask", "0", ("question", TestSeeds.TargetedQuestion)))!.AsObject();
        ask["token"] = interactionToken;
        await first.SendDispatchAsync("INTERACTION_CREATE", ask);
        var reply = await _discord.WaitForRequestAsync(r => r.Path.Contains(interactionToken, StringComparison.Ordinal) && r.Body.Contains("1,400", StringComparison.Ordinal), Wait);
        Assert.Equal("POST", reply.Method);

        await first.SendReconnectAsync();
        await first.WaitForClientCloseAsync(Wait);
        var second = await _discord.NextConnectionAsync(Wait);
        second.LastSequence = first.LastSequence;
        await second.SendHelloAsync(45_000);
        var resume = await second.ExpectAsync(6, Wait);
        Assert.Equal(DiscordToken, resume.D.GetProperty("token").GetString());
        await second.SendResumedAsync();
        await WaitForLogAsync("resumed its session");
    }

    /// <summary>auth.test (bot token), apps.connections.open (app token), and /ask answered on the ack.</summary>
    private async Task AskOverSlackSocketModeAsync(List<string> responseUrlSecrets)
    {
        var connection = await _slack.NextConnectionAsync(Wait);
        await connection.SendHelloAsync();
        var payload = _slack.SlashCommandPayload("/ask", TestSeeds.TargetedQuestion);
        responseUrlSecrets.Add(ResponseUrlSecret(payload));
        var id = await connection.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);
        var ack = await connection.ExpectAckAsync(id, Wait);
        Assert.True(ack.Payload.HasValue, "the answer did not ride on the ack: " + ack.Raw);
        Assert.Contains("1,400", SlackReply.AllText(ack.Payload.Value), StringComparison.Ordinal);
        Assert.Equal("Bearer " + SlackBotToken, (await _slack.WaitForRequestAsync(r => r.Path == "/api/auth.test", Wait)).Header("Authorization"));
        await WaitForLogAsync("Slack bot token accepted");
    }

    /// <summary>A signed /ask (the signing secret), and one signed with another secret, refused.</summary>
    private async Task AskOverSlackHttpAsync(HttpClient http, List<string> responseUrlSecrets)
    {
        var (body, fields) = SlackHttp.Command(_slack, "/ask", TestSeeds.TargetedQuestion);
        responseUrlSecrets.Add(ResponseUrlSecret(fields));
        using (var request = SlackHttp.Signed(SlackHttp.CommandsPath, body, SlackSigningSecret))
        using (var response = await http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reply = await SlackHttp.ReplyAsync(_slack, fields, await SlackHttp.ReadJsonAsync(response));
            Assert.Contains("1,400", SlackReply.AllText(reply), StringComparison.Ordinal);
        }

        var (forged, forgedFields) = SlackHttp.Command(_slack, "/ask", TestSeeds.TargetedQuestion);
        responseUrlSecrets.Add(ResponseUrlSecret(forgedFields));
        using (var request = SlackHttp.Signed(SlackHttp.CommandsPath, forged, "not-" + SlackSigningSecret))
        using (var response = await http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    /// <summary>POST /api/reindex refused with a wrong key, then accepted with the right one.</summary>
    private static async Task ReindexOverHttpAsync(HttpClient http)
    {
        using (var refused = await PostReindexAsync(http, WrongAdminKey))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var built = await PostReindexAsync(http, AdminKey);
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
        Assert.Equal("built", (await RunningService.ReadJsonAsync(built)).GetProperty("status").GetString());
    }

    private static async Task<HttpResponseMessage> PostReindexAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/reindex?force=true", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }

    /// <summary>The secret part of a response URL (<c>…/hooks/commands/T111/{n}/{secret}</c>).</summary>
    private static string ResponseUrlSecret(JsonObject fields)
    {
        var url = new Uri(fields["response_url"]!.GetValue<string>());
        var secret = url.Segments[^1];
        Assert.True(secret.Length >= 12, "response_url without a secret part: " + url);
        return secret;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            using (var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative)))
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"/readyz did not turn 200 within {Wait}.");
            await Task.Delay(50);
        }
    }

    private async Task WaitForLogAsync(string fragment)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!_log.Entries.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No log line with \"{fragment}\" within {Wait}. Logged:\n{string.Join('\n', _log.Entries.Where(e => e.Level >= LogLevel.Information))}");
            await Task.Delay(20);
        }
    }
}
