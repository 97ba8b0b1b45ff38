using System.Text.Json;

namespace IncidentBot.Discord.Rest;

/// <summary>Discord's JSON error body: <c>{"message": …, "code": …}</c>, plus <c>retry_after</c>/<c>global</c> on 429.</summary>
internal readonly record struct DiscordErrorBody(string? Message, int Code, double? RetryAfter, bool Global)
{
    public static DiscordErrorBody Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            return new DiscordErrorBody(
                root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null,
                root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var code) ? code : 0,
                root.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetDouble(out var retry) ? retry : null,
                root.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
