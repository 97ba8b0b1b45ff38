using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Tests.TestSupport;

namespace IncidentBot.Discord.Tests.Unit.Gateway;

public sealed class GatewayCommandsTests
{
    /// <summary>Discord closes the connection (4002) on payloads larger than this.</summary>
    private const int MaxPayloadBytes = 4096;

    private const string BotToken = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789ABCD";

    [Fact]
    public void Heartbeat_NoSequence_SendsNullD()
    {
        Assert.Equal("""{"op":1,"d":null}""", Encoding.UTF8.GetString(GatewayCommands.Heartbeat(null)));
    }

    [Fact]
    public void Heartbeat_Sequence_MatchesDocumentedSample()
    {
        var sent = JsonNode.Parse(GatewayCommands.Heartbeat(251));

        Assert.True(JsonNode.DeepEquals(SampleFiles.ReadNode("discord_gateway_heartbeat.json"), sent));
    }

    [Fact]
    public void Identify_OneShard_HasTheDocumentedShapeWithoutShard()
    {
        var sent = JsonNode.Parse(GatewayCommands.Identify(BotToken, 0, 1))!;

        Assert.Equal(Shape(SampleFiles.ReadNode("discord_gateway_identify_minimal.json")), Shape(sent));
        Assert.Equal(2, (int)sent["op"]!);
        Assert.Equal(BotToken, (string)sent["d"]!["token"]!);
        Assert.Equal(0, (int)sent["d"]!["intents"]!);
        Assert.Null(sent["d"]!["shard"]);
    }

    [Fact]
    public void Identify_Properties_AreNonEmptyStrings()
    {
        var properties = JsonNode.Parse(GatewayCommands.Identify(BotToken, 0, 1))!["d"]!["properties"]!.AsObject();

        foreach (var name in new[] { "os", "browser", "device" })
        {
            Assert.Equal(JsonValueKind.String, properties[name]!.GetValueKind());
            Assert.False(string.IsNullOrWhiteSpace((string)properties[name]!));
        }
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(7, 16)]
    public void Identify_SeveralShards_SendsShardIdAndCount(int shardId, int shardCount)
    {
        var sent = JsonNode.Parse(GatewayCommands.Identify(BotToken, shardId, shardCount))!;

        var shard = sent["d"]!["shard"]!.AsArray();
        Assert.Equal([shardId, shardCount], shard.Select(n => (int)n!));
    }

    [Fact]
    public void Resume_MatchesTheDocumentedShape()
    {
        var sent = JsonNode.Parse(GatewayCommands.Resume("my_token", "session_id_i_stored", 1337));

        Assert.True(JsonNode.DeepEquals(SampleFiles.ReadNode("discord_gateway_resume.json"), sent));
    }

    [Fact]
    public void Resume_NoSequence_SendsNullSeq()
    {
        var sent = JsonNode.Parse(GatewayCommands.Resume(BotToken, "abc", null))!;

        Assert.Equal(6, (int)sent["op"]!);
        Assert.True(sent["d"]!.AsObject().ContainsKey("seq"));
        Assert.Null(sent["d"]!["seq"]);
    }

    [Fact]
    public void Payloads_TokenWithQuotes_AreEscapedValidJson()
    {
        const string odd = "to\"ken\\with\u2028odd";

        Assert.Equal(odd, (string)JsonNode.Parse(GatewayCommands.Identify(odd, 0, 1))!["d"]!["token"]!);
        Assert.Equal(odd, (string)JsonNode.Parse(GatewayCommands.Resume(odd, odd, 1))!["d"]!["session_id"]!);
    }

    [Fact]
    public void Payloads_LargestRealisticValues_StayUnder4096Bytes()
    {
        var longToken = new string('t', 100);
        var longSession = new string('s', 64);

        Assert.InRange(GatewayCommands.Heartbeat(int.MaxValue).Length, 1, MaxPayloadBytes - 1);
        Assert.InRange(GatewayCommands.Identify(longToken, 9_999, 10_000).Length, 1, MaxPayloadBytes - 1);
        Assert.InRange(GatewayCommands.Resume(longToken, longSession, int.MaxValue).Length, 1, MaxPayloadBytes - 1);
    }

    [Theory]
    [InlineData("wss://gateway.discord.gg", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway.discord.gg/", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway-us-east1-b.discord.gg", "wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json")]
    [InlineData("ws://127.0.0.1:5000/gateway", "ws://127.0.0.1:5000/gateway?v=10&encoding=json")]

    // A URL that already has a query: the bot speaks only v10 JSON without compression, so the query is
    // replaced rather than appended (appending would send two, conflicting, v= parameters).
    [InlineData("wss://gateway.discord.gg/?v=9&encoding=etf", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway.discord.gg/?compress=zlib-stream", "wss://gateway.discord.gg/?v=10&encoding=json")]
    public void WithQuery_GatewayUrl_HasVersion10JsonQuery(string url, string expected)
    {
        var result = GatewayCommands.WithQuery(new Uri(url));

        Assert.Equal(expected, result.AbsoluteUri);
        Assert.Equal(1, CountOf(result.Query, "v="));
        Assert.Equal(1, CountOf(result.Query, "encoding="));
    }

    /// <summary>The object keys of a JSON tree (recursively), ignoring values: "d.properties.os" etc.</summary>
    private static SortedSet<string> Shape(JsonNode node, string prefix = "")
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj)
            {
                keys.Add(prefix + key);
                if (child is not null)
                {
                    keys.UnionWith(Shape(child, prefix + key + "."));
                }
            }
        }

        return keys;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
