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

    /// <summary>An integer option; null when missing, fractional or out of range for a long.</summary>
    public static long? GetInteger(this InteractionData? data, string name) =>
        Find(data, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    private static JsonElement? Find(InteractionData? data, string name) =>
        data?.Options?.FirstOrDefault(option => string.Equals(option.Name, name, StringComparison.Ordinal))?.Value;
}
