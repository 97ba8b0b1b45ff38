using System.Text.Json;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Tests.TestSupport;

/// <summary>Reads a <see cref="SlackMessage"/> as the JSON Slack receives (serialized with the bot's own context).</summary>
internal static class MessageJson
{
    public static string Serialize(SlackMessage message) => JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage);

    public static JsonElement Parse(SlackMessage message) => SampleFiles.Element(Serialize(message));

    public static JsonElement Parse(string json) => SampleFiles.Element(json);

    public static string ResponseType(JsonElement root) => root.GetProperty("response_type").GetString()!;

    public static IReadOnlyList<JsonElement> Blocks(JsonElement root) =>
        root.TryGetProperty("blocks", out var blocks) ? [.. blocks.EnumerateArray()] : [];

    public static string Type(JsonElement block) => block.GetProperty("type").GetString()!;

    public static IReadOnlyList<JsonElement> Buttons(JsonElement root) =>
        [.. Blocks(root).Where(b => Type(b) == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray())];

    /// <summary>The buttons as (action_id, value, label).</summary>
    public static IReadOnlyList<(string ActionId, string? Value, string Label)> ButtonList(JsonElement root) =>
    [
        .. Buttons(root).Select(b => (
            b.GetProperty("action_id").GetString()!,
            b.TryGetProperty("value", out var v) ? v.GetString() : null,
            b.GetProperty("text").GetProperty("text").GetString()!)),
    ];

    /// <summary>The texts of the sections.</summary>
    public static IReadOnlyList<string> SectionTexts(JsonElement root) =>
        [.. Blocks(root).Where(b => Type(b) == "section").Select(b => b.GetProperty("text").GetProperty("text").GetString()!)];

    /// <summary>Every text a user can see: the fallback, block texts and element texts.</summary>
    public static IReadOnlyList<string> AllTexts(JsonElement root)
    {
        var texts = new List<string>();
        if (root.TryGetProperty("text", out var fallback))
        {
            texts.Add(fallback.GetString()!);
        }

        foreach (var block in Blocks(root))
        {
            if (block.TryGetProperty("text", out var text))
            {
                texts.Add(text.GetProperty("text").GetString()!);
            }

            if (block.TryGetProperty("elements", out var elements))
            {
                foreach (var element in elements.EnumerateArray())
                {
                    var t = element.GetProperty("text");
                    texts.Add(t.ValueKind == JsonValueKind.Object ? t.GetProperty("text").GetString()! : t.GetString()!);
                }
            }
        }

        return texts;
    }

    /// <summary>All visible text, joined by new lines (for Contains checks).</summary>
    public static string AllText(JsonElement root) => string.Join('\n', AllTexts(root));

    public static string AllText(SlackMessage message) => AllText(Parse(message));

    /// <summary>The stored ask id carried by the Helpful button.</summary>
    public static long AskId(SlackMessage message)
    {
        var helpful = ButtonList(Parse(message)).Single(b => b.ActionId == ActionIds.Helpful);
        return long.Parse(helpful.Value!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
