using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Discord.Tests.Fakes;
using static IncidentBot.Discord.Tests.Integration.Gateway.GatewayHarness;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>Start-up, Identify and the heartbeat loop of the real client against the fake gateway (PROTOCOLS.md §1.1–1.6).</summary>
public sealed class GatewayIdentifyHeartbeatTests
{
    [Fact]
    public async Task Start_GetsGatewayBotWithBotToken_ConnectsWithV10Json_IdentifiesUnsharded()
    {
        await using var harness = await StartAsync();
        var fake = harness.Fake;

        var connection = await harness.NextConnectionAsync();
        await connection.SendHelloAsync(QuietIntervalMs);
        var identify = await connection.ExpectAsync(2, Wait);

        var gatewayBot = Assert.Single(fake.Requests, r => r.Path == "/api/v10/gateway/bot");
        Assert.Equal("GET", gatewayBot.Method);
        Assert.Equal("Bot " + fake.Token, gatewayBot.Header("Authorization"));
        Assert.StartsWith("DiscordBot (", gatewayBot.Header("User-Agent") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("/gateway/", connection.Path);
        Assert.False(connection.IsResumeUrl);
        GatewayAssert.VersionAndEncoding(connection);

        Assert.Equal(fake.Token, identify.D.GetProperty("token").GetString());
        Assert.Equal(0, identify.D.GetProperty("intents").GetInt32());
        var properties = identify.D.GetProperty("properties");
        foreach (var name in new[] { "os", "browser", "device" })
        {
            Assert.False(string.IsNullOrEmpty(properties.GetProperty(name).GetString()), $"properties.{name} is empty");
        }

        Assert.False(identify.D.TryGetProperty("shard", out _), "a single shard identifies without 'shard': " + identify.Raw);
        Assert.True(connection.IsAuthenticated);
        Assert.Equal(1, fake.ConnectionCount);
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task Heartbeat_FirstAfterJitteredInterval_ThenCarriesLastSequence()
    {
        const int interval = 400;
        await using var harness = await StartAsync();
        var connection = await harness.NextConnectionAsync();

        var helloSentAt = DateTimeOffset.UtcNow;
        await connection.SendHelloAsync(interval);
        await connection.ExpectAsync(2, Wait);
        var first = await connection.ExpectAsync(1, Wait);

        // Jitter is fixed at 0.5: the first beat is due 200 ms after Hello, never before 0.4 × interval.
        var firstAfter = first.ReceivedAt - helloSentAt;
        Assert.True(firstAfter >= TimeSpan.FromMilliseconds(0.4 * interval), $"first heartbeat {firstAfter.TotalMilliseconds:0} ms after Hello");
        Assert.Equal(JsonValueKind.Null, first.D.ValueKind);

        Assert.Equal(1, await connection.SendReadyAsync(SessionId, harness.Fake.ResumeGatewayUrl));
        Assert.Equal(2, await connection.SendDispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "290926798626357999", ["unavailable"] = true }));

        var beats = new List<GatewayFrame> { first };
        while (GatewayAssert.Sequence(beats[^1]) != 2)
        {
            beats.Add(await connection.ExpectAsync(1, Wait));
        }

        beats.Add(await connection.ExpectAsync(1, Wait));
        Assert.Equal(2, GatewayAssert.Sequence(beats[^1]));

        // Sequences only move forward, and scheduled beats are spaced by the interval (loose lower bound:
        // the gap is measured at the fake, so one beat's delivery delay can shorten the next gap).
        var sequences = beats.Select(b => GatewayAssert.Sequence(b) ?? 0).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.All(sequences, s => Assert.InRange(s, 0, 2));
        for (var i = 1; i < beats.Count; i++)
        {
            var gap = beats[i].ReceivedAt - beats[i - 1].ReceivedAt;
            Assert.True(gap >= TimeSpan.FromMilliseconds(0.5 * interval), $"heartbeats {i - 1} and {i} only {gap.TotalMilliseconds:0} ms apart");
        }

        Assert.Equal(1, harness.Fake.ConnectionCount);
    }

    [Fact]
    public async Task HeartbeatRequest_Op1FromServer_AnsweredAtOnceWithLastSequence()
    {
        await using var harness = await StartAsync();

        // The first scheduled beat would come 30 s after Hello: any beat within the wait below is the answer.
        var (connection, _) = await harness.ConnectReadyAsync(QuietIntervalMs);
        await connection.SendDispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "290926798626357999", ["unavailable"] = true });
        await connection.SendHeartbeatRequestAsync();
        var answer = await connection.ExpectAsync(1, TimeSpan.FromSeconds(5));

        Assert.Equal(2, GatewayAssert.Sequence(answer));

        // Asked again (the fake ACKed the first one): answered again, the connection is healthy.
        await connection.SendHeartbeatRequestAsync();
        Assert.Equal(2, GatewayAssert.Sequence(await connection.ExpectAsync(1, TimeSpan.FromSeconds(5))));
        Assert.Null(connection.ServerCloseCode);
        Assert.Equal(1, harness.Fake.ConnectionCount);
    }

    /// <summary>READY for a bot in many servers is far larger than one WebSocket read: it arrives in pieces.</summary>
    [Fact]
    public async Task LargeReady_ReadAcrossManyReceives_SessionUsable()
    {
        await using var harness = await StartAsync();
        var connection = await harness.NextConnectionAsync();
        await connection.SendHelloAsync(QuietIntervalMs);
        await connection.ExpectAsync(2, Wait);

        var guilds = new JsonArray();
        for (var i = 0; i < 3000; i++)
        {
            guilds.Add(new JsonObject { ["id"] = (290926798626357999L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), ["unavailable"] = true });
        }

        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = harness.Fake.ApplicationId, ["username"] = "IncidentBot", ["discriminator"] = "0", ["bot"] = true },
            ["guilds"] = guilds,
            ["session_id"] = SessionId,
            ["resume_gateway_url"] = harness.Fake.ResumeGatewayUrl.AbsoluteUri,
            ["application"] = new JsonObject { ["id"] = harness.Fake.ApplicationId, ["flags"] = 0 },
        };
        Assert.True(ready.ToJsonString().Length > 100_000);
        Assert.Equal(1, await connection.SendDispatchAsync("READY", ready));
        await connection.SendHeartbeatRequestAsync();
        Assert.Equal(1, GatewayAssert.Sequence(await connection.ExpectAsync(1, Wait)));

        // The session id was read from it: op 7 leads to a resume of that session.
        await connection.SendReconnectAsync();
        var second = await harness.NextConnectionAsync();
        await second.SendHelloAsync(QuietIntervalMs);
        GatewayAssert.Resume(await second.ExpectAsync(6, Wait), harness.Fake.Token, sequence: 1);
    }
}
