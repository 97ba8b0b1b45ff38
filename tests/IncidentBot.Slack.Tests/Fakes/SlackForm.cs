using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// How Slack puts a request on the wire in HTTP (Request URL) mode: <c>application/x-www-form-urlencoded</c>
/// bodies and the <c>v0</c> signature (PROTOCOLS.md §7.1-§7.2).
/// </summary>
internal static class SlackForm
{
    /// <summary>
    /// <c>key=value&amp;…</c> in the object's field order. Percent-encoding as in the official signing vector
    /// (<c>/</c> → <c>%2F</c>, <c>:</c> → <c>%3A</c>, <c>.</c> kept); a space becomes <c>+</c>, as form encoding does.
    /// Strings are written as is, <c>true</c>/<c>false</c> as those words, null as empty, anything else as JSON.
    /// </summary>
    public static string Encode(JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return string.Join('&', fields.Select(field => Escape(field.Key) + "=" + Escape(ValueText(field.Value))));
    }

    /// <summary>Interactive payloads arrive as one form field: <c>payload=&lt;url-encoded JSON&gt;</c>.</summary>
    public static string EncodeInteraction(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return "payload=" + Escape(payload.ToJsonString(FakeJson.Options));
    }

    /// <summary><c>v0=</c> + lower-case hex HMAC-SHA256(key = signing secret, <c>v0:{timestamp}:{body}</c>).</summary>
    public static string Sign(string signingSecret, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(signingSecret);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    private static string ValueText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => "true",
        JsonValue value when value.GetValueKind() == JsonValueKind.False => "false",
        JsonValue value when value.GetValueKind() == JsonValueKind.Null => string.Empty,
        _ => node.ToJsonString(FakeJson.Options),
    };
}
