using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// The application-command limits Discord checks on bulk overwrite (application-commands.mdx:L16-L33,
/// L167-L178; PROTOCOLS.md §4): name 1–32 matching the name pattern (lower case for slash commands),
/// description 1–100 for slash commands, at most 25 options, at most 100 commands.
/// </summary>
internal static partial class CommandLimits
{
    public const int MaxCommands = 100;
    public const int MaxOptions = 25;
    public const int ChatInput = 1;

    /// <summary>Returns the errors for a PUT body that is already known to be a JSON array.</summary>
    public static List<FormError> Validate(JsonElement commands)
    {
        var errors = new List<FormError>();
        if (commands.GetArrayLength() > MaxCommands)
        {
            errors.Add(FormError.MaxLength(string.Empty, MaxCommands));
        }

        var index = 0;
        foreach (var command in commands.EnumerateArray())
        {
            var at = (index++).ToString(CultureInfo.InvariantCulture);
            if (command.ValueKind != JsonValueKind.Object)
            {
                errors.Add(FormError.WrongType(at, "an object"));
                continue;
            }

            var type = ChatInput;
            if (command.TryGetProperty("type", out var typeElement)
                && (typeElement.ValueKind != JsonValueKind.Number || !typeElement.TryGetInt32(out type)))
            {
                errors.Add(FormError.WrongType(FormError.Join(at, "type"), "an integer"));
            }

            ValidateName(errors, command, at, type);
            if (type == ChatInput)
            {
                var description = command.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
                    ? d.GetString()!
                    : string.Empty;
                if (description.Length is < 1 or > 100)
                {
                    errors.Add(FormError.BadLength(FormError.Join(at, "description"), 1, 100));
                }
            }

            if (command.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
                && options.GetArrayLength() > MaxOptions)
            {
                errors.Add(FormError.MaxLength(FormError.Join(at, "options"), MaxOptions));
            }
        }

        return errors;
    }

    private static void ValidateName(List<FormError> errors, JsonElement command, string at, int type)
    {
        var path = FormError.Join(at, "name");
        var name = command.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (name is null)
        {
            errors.Add(FormError.Required(path));
            return;
        }

        // Slash command names must match the pattern and be lower case where a lower-case form exists.
        if (type == ChatInput && (!NamePattern().IsMatch(name) || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal)))
        {
            errors.Add(new FormError(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"));
        }
        else if (name.Length is < 1 or > 32)
        {
            errors.Add(FormError.BadLength(path, 1, 32));
        }
    }

    /// <summary>
    /// Discord's <c>^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$</c>; .NET has no script classes, so the
    /// Devanagari and Thai combining marks are approximated by <c>\p{Mn}\p{Mc}</c>.
    /// </summary>
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{Mn}\p{Mc}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
