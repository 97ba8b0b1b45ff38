using System.Globalization;
using System.Text.Json;

namespace IncidentBot.Slack.Tests.Integration;

/// <summary>
/// Reads a Slack message as the bot sent it (a Socket Mode ack payload, an HTTP command response or a
/// response_url post): its visible texts, blocks and buttons. Public so the host tests can use it too.
/// </summary>
public static class SlackReply
{
    /// <summary>Every <c>text</c> string in the message: the fallback and each text object, in document order.</summary>
    public static IReadOnlyList<string> Texts(JsonElement message)
    {
        var texts = new List<string>();
        Collect(message, texts);
        return texts;
    }

    /// <summary>All <see cref="Texts"/> on separate lines, for Contains checks and failure messages.</summary>
    public static string AllText(JsonElement message) => string.Join("\n", Texts(message));

    /// <summary>The message's <c>response_type</c>, or null when absent.</summary>
    public static string? ResponseType(JsonElement message) =>
        message.TryGetProperty("response_type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    /// <summary>The <c>replace_original</c> flag, or null when absent.</summary>
    public static bool? ReplaceOriginal(JsonElement message) =>
        message.TryGetProperty("replace_original", out var replace) && replace.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? replace.GetBoolean()
            : null;

    /// <summary>The <c>blocks</c> array's elements (empty when there are none).</summary>
    public static IReadOnlyList<JsonElement> Blocks(JsonElement message) =>
        message.TryGetProperty("blocks", out var blocks) && blocks.ValueKind == JsonValueKind.Array ? [.. blocks.EnumerateArray()] : [];

    /// <summary>The <c>type</c> of each block, in order.</summary>
    public static IReadOnlyList<string> BlockTypes(JsonElement message) =>
        [.. Blocks(message).Select(b => b.GetProperty("type").GetString()!)];

    /// <summary>The <c>action_id</c> of every button, in order.</summary>
    public static IReadOnlyList<string> ActionIds(JsonElement message) =>
        [.. Buttons(message).Select(b => b.GetProperty("action_id").GetString()!)];

    /// <summary>The <c>value</c> of the button with <paramref name="actionId"/>, or null when there is no such button.</summary>
    public static string? ButtonValue(JsonElement message, string actionId) =>
        Buttons(message)
            .Where(b => b.GetProperty("action_id").GetString() == actionId)
            .Select(b => b.TryGetProperty("value", out var v) ? v.GetString() : null)
            .FirstOrDefault();

    /// <summary>The stored ask's id, read from the "Helpful" button's value (<c>{askId}</c>).</summary>
    public static long AskId(JsonElement message)
    {
        var value = ButtonValue(message, IncidentBot.Slack.Messages.ActionIds.Helpful)
            ?? throw new InvalidOperationException("The message has no Helpful button: " + message.GetRawText());
        return long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The section blocks' texts, in order.</summary>
    public static IReadOnlyList<string> SectionTexts(JsonElement message) =>
        [.. Blocks(message)
            .Where(b => b.GetProperty("type").GetString() == "section" && b.TryGetProperty("text", out _))
            .Select(b => b.GetProperty("text").GetProperty("text").GetString()!)];

    private static IEnumerable<JsonElement> Buttons(JsonElement message) =>
        Blocks(message)
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "button");

    private static void Collect(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("text") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        texts.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, texts);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, texts);
                }

                break;
            default:
                break;
        }
    }
}
