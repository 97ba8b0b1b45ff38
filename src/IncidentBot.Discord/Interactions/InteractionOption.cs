using System.Text.Json;

namespace IncidentBot.Discord.Interactions;

/// <summary>One option of a command invocation; <see cref="Value"/> is a string, number or boolean by option type.</summary>
public sealed record InteractionOption
{
    public required string Name { get; init; }

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public bool? Focused { get; init; }
}
