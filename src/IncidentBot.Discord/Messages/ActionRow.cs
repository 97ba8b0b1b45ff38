namespace IncidentBot.Discord.Messages;

/// <summary>Component type 1: a row of up to five buttons.</summary>
public sealed record ActionRow(IReadOnlyList<Button> Components)
{
    public int Type { get; init; } = 1;
}
