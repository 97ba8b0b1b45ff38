using System.Text.Json;

namespace IncidentBot.Slack.Payloads;

/// <summary>A button click: the <c>block_actions</c> interactive payload (HTTP <c>payload=</c> form field, or a Socket
/// Mode <c>interactive</c> envelope). Only the fields the bot reads.</summary>
public sealed record BlockActions(string UserId, string? ResponseUrl, string? ChannelId, bool FromEphemeral, IReadOnlyList<BlockAction> Actions)
{
    /// <summary>Without the response URL.</summary>
    public override string ToString() => $"block_actions by {UserId} ({Actions.Count} actions)";

    /// <summary>Reads a <c>block_actions</c> payload; null for other interactive types or a malformed one.</summary>
    public static BlockActions? From(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || Str(payload, "type") != "block_actions"
            || !payload.TryGetProperty("user", out var user) || Str(user, "id") is not { } userId
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = actions.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object && Str(a, "action_id") is not null)
            .Select(a => new BlockAction(Str(a, "action_id")!, Str(a, "value"), Str(a, "block_id")))
            .ToList();
        var channel = payload.TryGetProperty("channel", out var c) ? Str(c, "id") : null;
        var ephemeral = payload.TryGetProperty("container", out var container) && container.ValueKind == JsonValueKind.Object
            && container.TryGetProperty("is_ephemeral", out var e) && e.ValueKind == JsonValueKind.True;
        return new BlockActions(userId, Str(payload, "response_url"), channel, ephemeral, list);
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
