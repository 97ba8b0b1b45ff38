using System.Text.Json;

namespace IncidentBot.Discord.Interactions;

/// <summary>Reads command options by name, tolerating missing or oddly typed values.</summary>
public static class InteractionOptions
{
    public static string? GetString(this InteractionData? data, string name) =>
        Find(data, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? GetBoolean(this InteractionData? data, string name) => Find(data, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    private static JsonElement? Find(InteractionData? data, string name) =>
        data?.Options?.FirstOrDefault(option => string.Equals(option.Name, name, StringComparison.Ordinal))?.Value;
}
