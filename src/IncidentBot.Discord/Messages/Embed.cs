namespace IncidentBot.Discord.Messages;

/// <summary>A rich embed (limits: title 256, description 4096, 25 fields, footer 2048, 6000 in total).</summary>
public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public int? Color { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedFooter? Footer { get; init; }
}
