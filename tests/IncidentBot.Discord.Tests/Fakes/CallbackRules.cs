using System.Globalization;
using System.Text.Json;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Checks an interaction response body <c>{type, data}</c> (receiving-and-responding.mdx:L255-L306;
/// PROTOCOLS.md §2.6). Message-bearing types are checked with <see cref="MessageLimits"/> under <c>data</c>.
/// </summary>
internal static class CallbackRules
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;
    public const int Modal = 9;

    /// <summary>EPHEMERAL (1 &lt;&lt; 6): with type 5 it is the only valid flag.</summary>
    public const int EphemeralFlag = 64;

    private static readonly int[] KnownTypes = [1, 4, 5, 6, 7, 8, 9, 10, 12];

    /// <summary>Returns the callback type, or null with <paramref name="errors"/> filled.</summary>
    public static int? Validate(JsonElement body, List<FormError> errors, out bool emptyMessage)
    {
        emptyMessage = false;
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(FormError.WrongType(string.Empty, "an object"));
            return null;
        }

        if (!body.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.Number
            || !typeElement.TryGetInt32(out var type)
            || !KnownTypes.Contains(type))
        {
            var choices = string.Join(", ", KnownTypes);
            errors.Add(new FormError("type", "BASE_TYPE_CHOICES", $"Value must be one of {{{choices}}}."));
            return null;
        }

        var hasData = body.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null;
        switch (type)
        {
            case ChannelMessageWithSource:
                emptyMessage = !hasData || !MessageLimits.HasContent(data);
                errors.AddRange(hasData ? MessageLimits.Validate(data, "data") : []);
                break;
            case UpdateMessage when hasData:
                errors.AddRange(MessageLimits.Validate(data, "data"));
                break;
            case DeferredChannelMessageWithSource when hasData:
                if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("flags", out var flags)
                    && flags.ValueKind == JsonValueKind.Number && flags.TryGetInt32(out var f) && (f & ~EphemeralFlag) != 0)
                {
                    errors.Add(new FormError("data.flags", "BASE_TYPE_CHOICES", "Only EPHEMERAL may be set on a deferred response."));
                }

                break;
            case AutocompleteResult:
                ValidateChoices(errors, hasData ? data : default);
                break;
            case Modal:
                ValidateModal(errors, hasData ? data : default);
                break;
        }

        return type;
    }

    /// <summary>Autocomplete: at most 25 choices, each name 1–100 and value up to 100 characters.</summary>
    private static void ValidateChoices(List<FormError> errors, JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("choices", out var choices)
            || choices.ValueKind != JsonValueKind.Array)
        {
            errors.Add(FormError.Required("data.choices"));
            return;
        }

        if (choices.GetArrayLength() > 25)
        {
            errors.Add(FormError.MaxLength("data.choices", 25));
        }

        var index = 0;
        foreach (var choice in choices.EnumerateArray())
        {
            var at = "data.choices." + index++.ToString(CultureInfo.InvariantCulture);
            CheckLength(errors, choice, "name", at, 1, 100);
            if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("value", out var v)
                && v.ValueKind == JsonValueKind.String)
            {
                CheckLength(errors, choice, "value", at, 0, 100);
            }
        }
    }

    /// <summary>Modal: custom_id 1–100, title 1–45, 1–5 components (PROTOCOLS.md §2.6).</summary>
    private static void ValidateModal(List<FormError> errors, JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            errors.Add(FormError.Required("data"));
            return;
        }

        CheckLength(errors, data, "custom_id", "data", 1, 100);
        CheckLength(errors, data, "title", "data", 1, 45);
        if (!data.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array
            || components.GetArrayLength() is < 1 or > 5)
        {
            errors.Add(FormError.BadLength("data.components", 1, 5));
        }
    }

    private static void CheckLength(List<FormError> errors, JsonElement parent, string name, string prefix, int min, int max)
    {
        var path = FormError.Join(prefix, name);
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value)
            || value.ValueKind != JsonValueKind.String)
        {
            errors.Add(FormError.Required(path));
            return;
        }

        var length = MessageLimits.Length(value.GetString()!);
        if (length < min || length > max)
        {
            errors.Add(min == 0 ? FormError.MaxLength(path, max) : FormError.BadLength(path, min, max));
        }
    }
}
