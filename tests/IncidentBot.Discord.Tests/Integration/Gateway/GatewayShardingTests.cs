using System.Globalization;
using IncidentBot.Discord.Tests.Fakes;
using static IncidentBot.Discord.Tests.Integration.Gateway.GatewayHarness;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>Shards from GET /gateway/bot or configuration, identifies spaced by max_concurrency (PROTOCOLS.md §1.9).</summary>
public sealed class GatewayShardingTests
{
    [Fact]
    public async Task RecommendedTwoShards_MaxConcurrencyOne_IdentifyOneWindowApart()
    {
        var window = TimeSpan.FromSeconds(1);
        await using var harness = await StartAsync(
            fake =>
            {
                fake.RecommendedShards = 2;
                fake.MaxConcurrency = 1;
            },
            timings: t => t with { IdentifyWindow = window });

        var connections = new[] { await harness.NextConnectionAsync(), await harness.NextConnectionAsync() };
        var helloSentAt = DateTimeOffset.UtcNow;
        foreach (var connection in connections)
        {
            await connection.SendHelloAsync(QuietIntervalMs);
        }

        var identifies = new List<GatewayFrame>();
        foreach (var connection in connections)
        {
            identifies.Add(await connection.ExpectAsync(2, Wait));
        }

        var shards = identifies.Select(Shard).Order().ToList();
        Assert.Equal(["[0,2]", "[1,2]"], shards);
        var ordered = identifies.OrderBy(f => f.ReceivedAt).ToList();

        // Strict bound: the second identify cannot come before the first was booked (after Hello) plus the window
        // (less 20 ms: timers tick in whole milliseconds, so a wait can end a hair early by the wall clock).
        var afterHello = ordered[1].ReceivedAt - helloSentAt;
        Assert.True(afterHello >= window - TimeSpan.FromMilliseconds(20), $"second identify {afterHello.TotalMilliseconds:0.0} ms after Hello");

        // Loose bound between the two frames as the fake saw them (the first one's delivery delay is unknown).
        var apart = ordered[1].ReceivedAt - ordered[0].ReceivedAt;
        Assert.True(apart >= window * 0.8, $"identifies only {apart.TotalMilliseconds:0} ms apart; max_concurrency 1 allows one per {window.TotalMilliseconds} ms");
        await Assert.ThrowsAsync<TimeoutException>(() => harness.NextConnectionAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task ConfiguredShardIds_RunsOnlyThoseShardsOfConfiguredCount()
    {
        await using var harness = await StartAsync(config: new Dictionary<string, string?>
        {
            ["Discord:ShardCount"] = "4",
            ["Discord:ShardIds:0"] = "1",
            ["Discord:ShardIds:1"] = "3",
        });

        var connections = new[] { await harness.NextConnectionAsync(), await harness.NextConnectionAsync() };
        foreach (var connection in connections)
        {
            await connection.SendHelloAsync(QuietIntervalMs);
        }

        var shards = new List<string>();
        foreach (var connection in connections)
        {
            shards.Add(Shard(await connection.ExpectAsync(2, Wait)));
        }

        Assert.Equal(["[1,4]", "[3,4]"], shards.Order());
        await Assert.ThrowsAsync<TimeoutException>(() => harness.NextConnectionAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(2, harness.Fake.ConnectionCount);
    }

    /// <summary>
    /// A shard waiting for its identify turn has already received Hello and heartbeats; the fake ACKs every
    /// beat. Waiting its turn must not make it look like a zombie: it must keep reading (ACKs, op 7, op 9)
    /// and identify when its turn comes, on the same connection. With a 300 ms heartbeat (first beat at
    /// 150 ms, zombie check at 450 ms) and a 1.5 s identify window, the second shard waits three
    /// heartbeat intervals.
    /// </summary>
    [Fact]
    public async Task ShardWaitingForIdentifyTurn_KeepsConnection_AndIdentifiesOnIt()
    {
        // The second shard waits a whole identify window, several heartbeats long. The interval is not tighter:
        // with the whole suite running, a 300 ms beat can miss its ACK for reasons of load alone.
        const int interval = 1000;
        await using var harness = await StartAsync(
            fake =>
            {
                fake.RecommendedShards = 2;
                fake.MaxConcurrency = 1;
            },
            timings: t => t with { IdentifyWindow = TimeSpan.FromMilliseconds(3500) });

        var connections = new[] { await harness.NextConnectionAsync(), await harness.NextConnectionAsync() };
        foreach (var connection in connections)
        {
            await connection.SendHelloAsync(interval);
        }

        foreach (var connection in connections)
        {
            try
            {
                await connection.ExpectAsync(2, Wait);
            }
            catch (GatewayClosedException ex)
            {
                Assert.Fail(
                    $"a shard closed its connection ({ex.Message}) while waiting for its identify turn instead of identifying on it. Frames: "
                    + string.Join(" | ", connection.Received.Select(f => f.Raw)));
            }
        }

        Assert.Equal(2, harness.Fake.ConnectionCount);
    }

    private static string Shard(GatewayFrame identify)
    {
        Assert.True(identify.D.TryGetProperty("shard", out var shard), "a sharded identify needs 'shard': " + identify.Raw);
        return string.Create(CultureInfo.InvariantCulture, $"[{shard[0].GetInt32()},{shard[1].GetInt32()}]");
    }
}
