using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// The payloads the fake gateway sends, shaped like the samples in <c>Samples/</c> (PROTOCOLS.md §1).
/// Where Discord's docs show a trimmed form (heartbeat ACK, reconnect, invalid session) the fake sends that
/// exact form, so clients are tested against payloads that omit <c>s</c>/<c>t</c>.
/// </summary>
internal static class GatewayPayloads
{
    /// <summary>Exactly <c>discord_gateway_heartbeat_ack.json</c>: no d, s or t.</summary>
    public const string HeartbeatAck = """{"op":11}""";

    /// <summary>Server-sent op 1: the client must heartbeat immediately (gateway.mdx:L173-L177).</summary>
    public const string HeartbeatRequest = """{"op":1,"d":null,"s":null,"t":null}""";

    /// <summary>Exactly <c>discord_gateway_reconnect.json</c>.</summary>
    public const string Reconnect = """{"op":7,"d":null}""";

    public static string Hello(int heartbeatIntervalMs) =>
        "{\"op\":10,\"d\":{\"heartbeat_interval\":" + heartbeatIntervalMs.ToString(CultureInfo.InvariantCulture) + "},\"s\":null,\"t\":null}";

    /// <summary>Same shape as <c>discord_gateway_invalid_session.json</c>; d says whether a resume may work.</summary>
    public static string InvalidSession(bool resumable) => resumable ? """{"op":9,"d":true}""" : """{"op":9,"d":false}""";

    /// <summary>An op 0 dispatch; <paramref name="d"/> is serialized with its own property names.</summary>
    public static string Dispatch(string eventName, int sequence, object? d) =>
        JsonSerializer.Serialize(new { op = 0, d, s = sequence, t = eventName }, FakeJson.Options);

    /// <summary>
    /// READY's <c>d</c> (gateway-events.mdx:L458-L475), shaped like the Remora fixture but with v 10, no
    /// guilds, and the bot user id equal to the application id (true for bots created since 2021).
    /// </summary>
    public static JsonObject ReadyData(string applicationId, string sessionId, Uri resumeGatewayUrl, int[]? shard)
    {
        var d = new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject
            {
                ["id"] = applicationId,
                ["username"] = "IncidentBot",
                ["discriminator"] = "0",
                ["avatar"] = null,
                ["bot"] = true,
            },
            ["guilds"] = new JsonArray(),
            ["session_id"] = sessionId,
            ["resume_gateway_url"] = resumeGatewayUrl.AbsoluteUri,
            ["application"] = new JsonObject { ["id"] = applicationId, ["flags"] = 0 },
        };
        if (shard is not null)
        {
            d["shard"] = new JsonArray([.. shard.Select(n => JsonValue.Create(n))]);
        }

        return d;
    }
}
