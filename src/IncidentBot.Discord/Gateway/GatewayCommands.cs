using System.Text.Json;

namespace IncidentBot.Discord.Gateway;

/// <summary>Writes the payloads the bot sends: Heartbeat, Identify and Resume (Discord docs: gateway-events).</summary>
internal static class GatewayCommands
{
    /// <summary>Only interactions are needed, and INTERACTION_CREATE belongs to no intent: it is always sent.</summary>
    public const int Intents = 0;

    public static byte[] Heartbeat(int? sequence) => Write(writer =>
    {
        writer.WriteNumber("op", (int)GatewayOpCode.Heartbeat);
        if (sequence is { } s)
        {
            writer.WriteNumber("d", s);
        }
        else
        {
            writer.WriteNull("d");
        }
    });

    public static byte[] Identify(string token, int shardId, int shardCount) => Write(writer =>
    {
        writer.WriteNumber("op", (int)GatewayOpCode.Identify);
        writer.WriteStartObject("d");
        writer.WriteString("token", token);
        writer.WriteNumber("intents", Intents);
        writer.WriteStartObject("properties");
        writer.WriteString("os", Environment.OSVersion.Platform == PlatformID.Unix ? "linux" : "windows");
        writer.WriteString("browser", "incidentbot");
        writer.WriteString("device", "incidentbot");
        writer.WriteEndObject();

        // Sharded only when there is more than one shard: a single connection identifies without "shard".
        if (shardCount > 1)
        {
            writer.WriteStartArray("shard");
            writer.WriteNumberValue(shardId);
            writer.WriteNumberValue(shardCount);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, int? sequence) => Write(writer =>
    {
        writer.WriteNumber("op", (int)GatewayOpCode.Resume);
        writer.WriteStartObject("d");
        writer.WriteString("token", token);
        writer.WriteString("session_id", sessionId);
        if (sequence is { } s)
        {
            writer.WriteNumber("seq", s);
        }
        else
        {
            writer.WriteNull("seq");
        }

        writer.WriteEndObject();
    });

    /// <summary>The gateway URL with the query Discord requires: API version 10, JSON, no compression.</summary>
    public static Uri WithQuery(Uri url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
