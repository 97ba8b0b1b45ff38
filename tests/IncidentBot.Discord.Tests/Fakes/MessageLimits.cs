using System.Globalization;
using System.Text.Json;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Discord's documented message limits (message.mdx:L602-L621, L1080-L1083; PROTOCOLS.md §6), checked on
/// every message body the client sends so a test fails the way production would, with a 50035.
/// </summary>
internal static class MessageLimits
{
    public const int MaxContent = 2000;
    public const int MaxEmbeds = 10;
    public const int MaxTitle = 256;
    public const int MaxDescription = 4096;
    public const int MaxFields = 25;
    public const int MaxFieldName = 256;
    public const int MaxFieldValue = 1024;
    public const int MaxFooterText = 2048;
    public const int MaxAuthorName = 256;
    public const int MaxEmbedTotal = 6000;
    public const int MaxActionRows = 5;
    public const int MaxRowChildren = 5;
    public const int MaxButtonLabel = 80;
    public const int MaxCustomId = 100;

    /// <summary>Link (5) and premium (6) buttons carry <c>url</c>/<c>sku_id</c> instead of a custom_id.</summary>
    private static readonly int[] ButtonStylesWithoutCustomId = [5, 6];

    /// <summary>Length as Discord counts it: Unicode code points, not UTF-16 units.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>True when the body carries something visible (Discord rejects empty messages, 50006).</summary>
    public static bool HasContent(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object
        && (NonEmptyString(message, "content") || NonEmptyArray(message, "embeds") || NonEmptyArray(message, "components")
            || NonEmptyArray(message, "attachments") || message.TryGetProperty("poll", out _));

    public static List<FormError> Validate(JsonElement message, string prefix = "")
    {
        var errors = new List<FormError>();
        if (message.ValueKind != JsonValueKind.Object)
        {
            errors.Add(FormError.WrongType(prefix, "an object"));
            return errors;
        }

        if (message.TryGetProperty("content", out var content) && content.ValueKind != JsonValueKind.Null)
        {
            CheckString(errors, content, FormError.Join(prefix, "content"), 0, MaxContent, out _);
        }

        if (message.TryGetProperty("embeds", out var embeds) && embeds.ValueKind != JsonValueKind.Null)
        {
            ValidateEmbeds(errors, embeds, FormError.Join(prefix, "embeds"));
        }

        if (message.TryGetProperty("components", out var components) && components.ValueKind != JsonValueKind.Null)
        {
            ValidateComponents(errors, components, FormError.Join(prefix, "components"));
        }

        return errors;
    }

    private static void ValidateEmbeds(List<FormError> errors, JsonElement embeds, string path)
    {
        if (embeds.ValueKind != JsonValueKind.Array)
        {
            errors.Add(FormError.WrongType(path, "an array"));
            return;
        }

        if (embeds.GetArrayLength() > MaxEmbeds)
        {
            errors.Add(FormError.MaxLength(path, MaxEmbeds));
        }

        // The 6000 total spans all embeds of the message, whitespace-trimmed (message.mdx:L602-L621).
        var total = 0;
        var index = 0;
        foreach (var embed in embeds.EnumerateArray())
        {
            var at = FormError.Join(path, Index(index++));
            if (embed.ValueKind != JsonValueKind.Object)
            {
                errors.Add(FormError.WrongType(at, "an object"));
                continue;
            }

            total += Text(errors, embed, "title", at, 0, MaxTitle);
            total += Text(errors, embed, "description", at, 0, MaxDescription);
            if (embed.TryGetProperty("footer", out var footer) && footer.ValueKind == JsonValueKind.Object)
            {
                total += Text(errors, footer, "text", FormError.Join(at, "footer"), 1, MaxFooterText);
            }

            if (embed.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object)
            {
                total += Text(errors, author, "name", FormError.Join(at, "author"), 1, MaxAuthorName);
            }

            total += ValidateFields(errors, embed, FormError.Join(at, "fields"));
        }

        if (total > MaxEmbedTotal)
        {
            errors.Add(new FormError(path, "MAX_EMBED_SIZE_EXCEEDED", $"Embed size exceeds maximum size of {MaxEmbedTotal}"));
        }
    }

    private static int ValidateFields(List<FormError> errors, JsonElement embed, string path)
    {
        if (!embed.TryGetProperty("fields", out var fields) || fields.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        if (fields.ValueKind != JsonValueKind.Array)
        {
            errors.Add(FormError.WrongType(path, "an array"));
            return 0;
        }

        if (fields.GetArrayLength() > MaxFields)
        {
            errors.Add(FormError.MaxLength(path, MaxFields));
        }

        var total = 0;
        var index = 0;
        foreach (var field in fields.EnumerateArray())
        {
            var at = FormError.Join(path, Index(index++));
            foreach (var (name, max) in new[] { ("name", MaxFieldName), ("value", MaxFieldValue) })
            {
                // Field name and value are required and non-empty.
                if (field.ValueKind != JsonValueKind.Object || !field.TryGetProperty(name, out _))
                {
                    errors.Add(FormError.Required(FormError.Join(at, name)));
                    continue;
                }

                total += Text(errors, field, name, at, 1, max);
            }
        }

        return total;
    }

    private static void ValidateComponents(List<FormError> errors, JsonElement components, string path)
    {
        if (components.ValueKind != JsonValueKind.Array)
        {
            errors.Add(FormError.WrongType(path, "an array"));
            return;
        }

        if (components.GetArrayLength() > MaxActionRows)
        {
            errors.Add(FormError.MaxLength(path, MaxActionRows));
        }

        var rowIndex = 0;
        foreach (var row in components.EnumerateArray())
        {
            var rowPath = FormError.Join(path, Index(rowIndex++));
            if (!IsType(row, 1) || !row.TryGetProperty("components", out var children) || children.ValueKind != JsonValueKind.Array)
            {
                continue; // Only action rows (type 1) are checked; Components V2 layouts are out of scope.
            }

            var childrenPath = FormError.Join(rowPath, "components");
            if (children.GetArrayLength() is < 1 or > MaxRowChildren)
            {
                errors.Add(FormError.BadLength(childrenPath, 1, MaxRowChildren));
            }

            var childIndex = 0;
            foreach (var child in children.EnumerateArray())
            {
                var at = FormError.Join(childrenPath, Index(childIndex++));
                if (!IsType(child, 2))
                {
                    continue;
                }

                Text(errors, child, "label", at, 0, MaxButtonLabel);
                var style = child.TryGetProperty("style", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : 0;
                if (!ButtonStylesWithoutCustomId.Contains(style))
                {
                    if (!child.TryGetProperty("custom_id", out _))
                    {
                        errors.Add(FormError.Required(FormError.Join(at, "custom_id")));
                    }

                    Text(errors, child, "custom_id", at, 1, MaxCustomId);
                }
            }
        }
    }

    /// <summary>Checks an optional string property and returns its trimmed length for the embed total.</summary>
    private static int Text(List<FormError> errors, JsonElement parent, string name, string prefix, int min, int max)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        CheckString(errors, value, FormError.Join(prefix, name), min, max, out var text);
        return text is null ? 0 : Length(text.Trim());
    }

    private static void CheckString(List<FormError> errors, JsonElement value, string path, int min, int max, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text is null)
        {
            errors.Add(FormError.WrongType(path, "a string"));
            return;
        }

        var length = Length(text);
        if (length > max || length < min)
        {
            errors.Add(min == 0 ? FormError.MaxLength(path, max) : FormError.BadLength(path, min, max));
        }
    }

    private static bool IsType(JsonElement component, int type) =>
        component.ValueKind == JsonValueKind.Object
        && component.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var n) && n == type;

    private static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static bool NonEmptyString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0;

    private static bool NonEmptyArray(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0;
}
