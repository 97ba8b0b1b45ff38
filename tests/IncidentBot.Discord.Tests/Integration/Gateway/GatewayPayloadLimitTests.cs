using System.Text;
using IncidentBot.Discord.Gateway;
using static IncidentBot.Discord.Tests.Integration.Gateway.GatewayHarness;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>
/// Client payloads must be ≤ 4096 bytes, or Discord closes with 4002 (PROTOCOLS.md §1.1). Every test in this
/// folder checks it when its <see cref="GatewayHarness"/> is disposed; this one sends every kind of payload
/// the client has (sharded Identify with a full-length token, heartbeats with and without a sequence, Resume)
/// and checks it explicitly.
/// </summary>
public sealed class GatewayPayloadLimitTests
{
    [Fact]
    public async Task EveryClientPayload_FitsIn4096Bytes_NoDecodeErrorClose()
    {
        const int interval = 300;
        await using var harness = await StartAsync(
            fake =>
            {
                fake.Token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GxYzAb." + new string('x', 38);
                fake.RecommendedShards = 1;
            },
            config: new Dictionary<string, string?> { ["Discord:ShardCount"] = "2", ["Discord:ShardIds:0"] = "1" });

        var (first, identify) = await harness.ConnectReadyAsync(interval);
        Assert.True(identify.D.TryGetProperty("shard", out _));
        first.LastSequence = 999_999_998;
        await first.SendDispatchAsync("GUILD_CREATE", new System.Text.Json.Nodes.JsonObject { ["id"] = "290926798626357999" });
        while (GatewayAssert.Sequence(await first.ExpectAsync(1, Wait)) != 999_999_999)
        {
        }

        await first.SendReconnectAsync();
        var second = await harness.NextConnectionAsync();
        await second.SendHelloAsync(QuietIntervalMs);
        await second.ExpectAsync(6, Wait);

        var frames = harness.Connections.SelectMany(c => c.Received).ToList();
        Assert.Contains(frames, f => f.Op == 1);
        Assert.Contains(frames, f => f.Op == 2);
        Assert.Contains(frames, f => f.Op == 6);
        Assert.All(frames, f => Assert.InRange(Encoding.UTF8.GetByteCount(f.Raw), 1, GatewayConnection.MaxPayloadBytes));
        Assert.Empty(harness.PayloadLimitProblems());
        Assert.All(harness.Connections, c => Assert.NotEqual(4002, c.ServerCloseCode));
    }
}
