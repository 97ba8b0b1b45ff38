namespace IncidentBot.Discord.Messages;

/// <summary>An embed field (name ≤ 256, value ≤ 1024 characters).</summary>
public sealed record EmbedField(string Name, string Value)
{
    public bool? Inline { get; init; }
}
