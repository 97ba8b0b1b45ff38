namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// One entry of Discord's 50035 "Invalid Form Body" error tree: a dotted path into the JSON body
/// (<c>data.embeds.0.description</c>) with Discord's error code and message.
/// </summary>
internal sealed record FormError(string Path, string Code, string Message)
{
    public static FormError MaxLength(string path, int max) =>
        new(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");

    public static FormError BadLength(string path, int min, int max) =>
        new(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");

    public static FormError Required(string path) =>
        new(path, "BASE_TYPE_REQUIRED", "This field is required");

    public static FormError WrongType(string path, string expected) =>
        new(path, "MODEL_TYPE_CONVERT", $"Expected {expected}.");

    /// <summary>Joins a prefix and a field name into a dotted path (prefix may be empty).</summary>
    public static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    /// <inheritdoc />
    public override string ToString() => $"{(Path.Length == 0 ? "(body)" : Path)}: {Message} [{Code}]";
}
