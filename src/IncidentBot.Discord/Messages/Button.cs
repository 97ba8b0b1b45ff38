namespace IncidentBot.Discord.Messages;

/// <summary>Component type 2. Non-link buttons need a <c>custom_id</c> (1–100 characters) that comes back on click.</summary>
public sealed record Button(string Label, string CustomId, int Style)
{
    public int Type { get; init; } = 2;

    public const int Primary = 1;
    public const int Secondary = 2;
    public const int Success = 3;
    public const int Danger = 4;
}
