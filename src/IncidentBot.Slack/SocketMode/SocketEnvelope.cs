using System.Text.Json;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// A Socket Mode envelope: <c>{"envelope_id", "type", "payload", "accepts_response_payload", "retry_attempt", "retry_reason"}</c>.
/// Every envelope must be acknowledged on the socket that brought it, within 3 seconds.
/// </summary>
public sealed record SocketEnvelope(string EnvelopeId, string Type, JsonElement Payload, bool AcceptsResponsePayload, int RetryAttempt)
{
    public static SocketEnvelope? From(JsonElement root)
    {
        if (!root.TryGetProperty("envelope_id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
        {
            return null;
        }

        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var payload = root.TryGetProperty("payload", out var p) ? p.Clone() : default;
        var accepts = root.TryGetProperty("accepts_response_payload", out var a) && a.ValueKind == JsonValueKind.True;
        var retry = root.TryGetProperty("retry_attempt", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var n) ? n : 0;
        return new SocketEnvelope(id.GetString()!, type, payload, accepts, retry);
    }
}
