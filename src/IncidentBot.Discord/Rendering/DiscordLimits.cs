namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Discord message limits (PROTOCOLS.md §2.4, §6). Exceeding any of them fails the whole request with 400
/// (50035 Invalid form body), so every renderer trims to these. Lengths are counted in UTF-16 chars here;
/// Discord counts Unicode characters, so a UTF-16 count is never smaller and errs on the safe side.
/// </summary>
public static class DiscordLimits
{
    /// <summary>Message <c>content</c>.</summary>
    public const int Content = 2000;

    /// <summary>Embed title.</summary>
    public const int EmbedTitle = 256;

    /// <summary>Embed description.</summary>
    public const int EmbedDescription = 4096;

    /// <summary>Fields per embed.</summary>
    public const int EmbedFields = 25;

    /// <summary>Field name.</summary>
    public const int FieldName = 256;

    /// <summary>Field value.</summary>
    public const int FieldValue = 1024;

    /// <summary>Footer text.</summary>
    public const int Footer = 2048;

    /// <summary>Title + description + field names and values + footer text (+ author name), over all embeds.</summary>
    public const int EmbedTotal = 6000;

    /// <summary>Embeds per message.</summary>
    public const int Embeds = 10;

    /// <summary>Button label.</summary>
    public const int ButtonLabel = 80;

    /// <summary>A component's <c>custom_id</c> (1–100 chars).</summary>
    public const int CustomId = 100;

    /// <summary>Buttons in one action row.</summary>
    public const int ButtonsPerRow = 5;

    /// <summary>Action rows per (non Components V2) message.</summary>
    public const int Rows = 5;
}
