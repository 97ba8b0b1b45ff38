using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Keeps an embed within Discord's per-part limits and its 6000-char total (title + description + field names
/// and values + footer text). Discord counts after trimming whitespace, in Unicode characters; this counts
/// untrimmed UTF-16 chars, which is never less, so a fitted embed is always accepted.
/// </summary>
public static class EmbedBudget
{
    /// <summary>Field values are shrunk to this before any field is dropped: a short quote beats no source.</summary>
    public const int MinFieldValue = 200;

    /// <summary>The embed's length as Discord counts it against <see cref="DiscordLimits.EmbedTotal"/>.</summary>
    public static int Length(Embed embed)
    {
        ArgumentNullException.ThrowIfNull(embed);
        var length = (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0);
        foreach (var field in embed.Fields ?? [])
        {
            length += field.Name.Length + field.Value.Length;
        }

        return length;
    }

    /// <summary>
    /// Trims every part to its own limit, then, while the total is over <paramref name="maxTotal"/>: shrinks
    /// field values from the last field back (to <see cref="MinFieldValue"/>), drops fields from the end, and
    /// only then shortens the description (the answer itself), the footer and the title.
    /// </summary>
    public static Embed Fit(Embed embed, int maxTotal = DiscordLimits.EmbedTotal)
    {
        ArgumentNullException.ThrowIfNull(embed);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTotal);
        var fields = (embed.Fields ?? [])
            .Take(DiscordLimits.EmbedFields)
            .Select(f => f with { Name = TextTrimmer.Truncate(f.Name, DiscordLimits.FieldName), Value = ShrinkValue(f.Value, DiscordLimits.FieldValue) })
            .ToList();
        var fitted = embed with
        {
            Title = TruncateOrNull(embed.Title, DiscordLimits.EmbedTitle),
            Description = TruncateOrNull(embed.Description, DiscordLimits.EmbedDescription),
            Footer = embed.Footer is null ? null : new EmbedFooter(TextTrimmer.Truncate(embed.Footer.Text, DiscordLimits.Footer)),
            Fields = fields,
        };

        var excess = Length(fitted) - maxTotal;
        for (var i = fields.Count - 1; i >= 0 && excess > 0; i--)
        {
            var value = fields[i].Value;
            var target = Math.Max(MinFieldValue, value.Length - excess);
            if (target < value.Length)
            {
                var shrunk = ShrinkValue(value, target);
                excess -= value.Length - shrunk.Length;
                fields[i] = fields[i] with { Value = shrunk };
            }
        }

        while (excess > 0 && fields.Count > 0)
        {
            excess -= fields[^1].Name.Length + fields[^1].Value.Length;
            fields.RemoveAt(fields.Count - 1);
        }

        fitted = fitted with { Fields = fields.Count > 0 ? fields : null };
        if (excess > 0)
        {
            var description = Shrink(fitted.Description, ref excess);
            var footer = Shrink(fitted.Footer?.Text, ref excess);
            var title = Shrink(fitted.Title, ref excess);
            fitted = fitted with { Description = description, Footer = footer is null ? null : new EmbedFooter(footer), Title = title };
        }

        return fitted;
    }

    /// <summary>
    /// Shortens a field value. The last line is kept whole or dropped, never cut: the renderers put the masked
    /// source link there, and a cut link would show as broken Markdown.
    /// </summary>
    internal static string ShrinkValue(string value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        var lastBreak = value.LastIndexOf('\n');
        if (lastBreak <= 0)
        {
            return TextTrimmer.Truncate(value, maxLength);
        }

        var head = value[..lastBreak];
        var tail = value[lastBreak..];
        return tail.Length <= maxLength / 2
            ? TextTrimmer.Truncate(head, maxLength - tail.Length) + tail
            : TextTrimmer.Truncate(head, maxLength);
    }

    private static string? TruncateOrNull(string? text, int maxLength) =>
        text is null ? null : TextTrimmer.Truncate(text, maxLength);

    /// <summary>Takes up to <paramref name="excess"/> chars off <paramref name="text"/>; null when nothing useful remains.</summary>
    private static string? Shrink(string? text, ref int excess)
    {
        if (text is null || excess <= 0)
        {
            return text;
        }

        var shrunk = TextTrimmer.Truncate(text, Math.Max(0, text.Length - excess));
        excess -= text.Length - shrunk.Length;
        if (shrunk.Length > 1)
        {
            return shrunk;
        }

        // A lone "…" says nothing, and Discord rejects an empty string: leave the part out.
        excess -= shrunk.Length;
        return null;
    }
}
