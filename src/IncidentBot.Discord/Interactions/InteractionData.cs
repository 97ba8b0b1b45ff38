namespace IncidentBot.Discord.Interactions;

/// <summary>
/// <c>data</c> of an interaction: a command's name and options (types 2 and 4) or a component's
/// <c>custom_id</c> (type 3). The two shapes share one record because the JSON shares one key.
/// </summary>
public sealed record InteractionData
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public int? Type { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }
}
