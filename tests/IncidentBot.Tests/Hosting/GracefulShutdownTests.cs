using System.Diagnostics;
using System.Net.WebSockets;
using IncidentBot.Discord.Tests.Fakes;
using IncidentBot.Slack.Tests.Fakes;
using IncidentBot.Slack.Tests.Integration;
using IncidentBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Tests.Hosting;

/// <summary>
/// The whole service stopping as on SIGTERM, with both chat front ends connected and a reply in flight:
/// the reply is still delivered, both connections are closed by the bot, and the stop is over well
/// within the 10 s an orchestrator waits before SIGKILL.
/// </summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private FakeDiscord _discord = null!;
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _slack = await FakeSlack.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task Stop_WithAReplyInFlight_DeliversItClosesBothConnections_WithinTenSeconds()
    {
        await using var service = await RunningService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Gateway",
            ["Discord:Token"] = _discord.Token,
            ["Discord:ApplicationId"] = _discord.ApplicationId,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
            ["Discord:RegisterCommands"] = "false",
            ["Slack:AppToken"] = _slack.AppToken,
            ["Slack:BotToken"] = _slack.BotToken,
            ["Slack:SigningSecret"] = "",
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.AbsoluteUri,
        });
        var gateway = await _discord.NextConnectionAsync(Wait);
        await gateway.SendHelloAsync(45_000);
        await gateway.ExpectAsync(2, Wait);
        await gateway.SendReadyAsync("session-1", _discord.ResumeGatewayUrl);
        var socket = await _slack.NextConnectionAsync(Wait);
        await socket.SendHelloAsync();

        // A first question creates the question store (it is opened on first use).
        var warmUp = await socket.SendEnvelopeAsync("slash_commands", _slack.SlashCommandPayload("/ask", TestSeeds.TargetedQuestion), acceptsResponsePayload: true);
        Assert.NotNull((await socket.ExpectAckAsync(warmUp, Wait)).Payload);

        // A locked question store makes the answer slow (it waits for the lock), so the ack goes out bare at
        // 2 s and the answer is still being worked on, to be posted to response_url, when the stop begins.
        var payload = _slack.SlashCommandPayload("/ask", TestSeeds.TargetedQuestion);
        Task release;
        using (var blocker = await LockAsync(service.DataPath!))
        {
            var id = await socket.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);
            var ack = await socket.ExpectAckAsync(id, Wait);
            Assert.Null(ack.Payload);
            release = ReleaseLaterAsync(blocker, TimeSpan.FromSeconds(1));
            var watch = Stopwatch.StartNew();
            await service.StopAsync();
            watch.Stop();
            await release;

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {watch.Elapsed.TotalSeconds:0.0} s");
        }

        var post = Assert.Single(_slack.ResponsePosts, p => p.Url == payload["response_url"]!.GetValue<string>());
        Assert.Contains("1,400", SlackReply.AllText(post.Body), StringComparison.Ordinal);
        Assert.Equal((int)WebSocketCloseStatus.NormalClosure, await gateway.WaitForClientCloseAsync(TimeSpan.FromSeconds(1)));
        Assert.NotNull(await socket.WaitForClientCloseAsync(TimeSpan.FromSeconds(1)));
        Assert.Contains(service.Log.Lines, l => l.Contains("Question on slack: answered", StringComparison.Ordinal));
    }

    private static async Task<SqliteConnection> LockAsync(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task ReleaseLaterAsync(SqliteConnection connection, TimeSpan after)
    {
        await Task.Delay(after);
        using var rollback = connection.CreateCommand();
        rollback.CommandText = "ROLLBACK;";
        await rollback.ExecuteNonQueryAsync();
    }
}
