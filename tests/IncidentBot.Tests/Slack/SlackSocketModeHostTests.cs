using IncidentBot.Slack.Tests.Fakes;
using IncidentBot.Slack.Tests.Integration;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>
/// The service with Socket Mode on (<c>Slack:AppToken</c>) against <see cref="FakeSlack"/>: <c>SlackService</c>
/// checks the bot token with auth.test, connects, and answers <c>/ask</c> on the ack, as in production.
/// </summary>
public sealed class SlackSocketModeHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = SlackHttp.Wait;

    private FakeSlack _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Serve_SocketMode_ChecksTheBotTokenConnectsAndAnswersAsk()
    {
        await using var service = await StartAsync(_fake.BotToken);
        var connection = await _fake.NextConnectionAsync(Wait);
        await connection.SendHelloAsync();

        var payload = _fake.SlashCommandPayload("/ask", TestSeeds.TargetedQuestion);
        var id = await connection.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);
        var ack = await connection.ExpectAckAsync(id, Wait);
        var authTest = await _fake.WaitForRequestAsync(r => r.Path == "/api/auth.test", Wait);
        await service.Log.WaitForAsync("bot user U0BOT");

        Assert.InRange(ack.At - connection.SentAt(id), TimeSpan.Zero, SlackHttp.AckDeadline);
        Assert.True(ack.Payload.HasValue, "the answer did not ride on the ack: " + ack.Raw);
        Assert.Contains("1,400", SlackReply.AllText(ack.Payload.Value), StringComparison.Ordinal);
        Assert.Equal("Bearer " + _fake.BotToken, authTest.Header("Authorization"));
        Assert.Equal("Bearer " + _fake.AppToken, _fake.Requests.Single(r => r.Path == "/api/apps.connections.open").Header("Authorization"));
        Assert.False(service.IsStopping);
        Assert.DoesNotContain(service.Log.Lines, l => l.Contains(_fake.AppToken, StringComparison.Ordinal) || l.Contains(_fake.BotToken, StringComparison.Ordinal));
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task Serve_BotTokenRefusedBySlack_WarnsNamingSlackBotTokenAndKeepsRunning()
    {
        await using var service = await StartAsync("xoxb-000-000-revoked");
        var connection = await _fake.NextConnectionAsync(Wait);
        await connection.SendHelloAsync();

        var line = await service.Log.WaitForAsync("check Slack:BotToken");
        var id = await connection.SendEnvelopeAsync("slash_commands", _fake.SlashCommandPayload("/ask", TestSeeds.TargetedQuestion), acceptsResponsePayload: true);
        await connection.ExpectAckAsync(id, Wait);

        Assert.Contains("invalid_auth", line, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-000-000-revoked", line, StringComparison.Ordinal);
        Assert.False(service.IsStopping);
    }

    private Task<RunningService> StartAsync(string botToken) => RunningService.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Slack:AppToken"] = _fake.AppToken,
        ["Slack:BotToken"] = botToken,
        ["Slack:SigningSecret"] = "",
        ["Slack:ApiBaseUrl"] = _fake.ApiBaseUrl.AbsoluteUri,
    });
}
