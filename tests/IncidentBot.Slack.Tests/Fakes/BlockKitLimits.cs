using System.Globalization;
using System.Text.Json;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>What <see cref="BlockKitLimits.Check"/> found in one message.</summary>
/// <param name="Error">The error code Slack would answer with (<c>invalid_blocks</c>, <c>no_text</c>), or null when accepted.</param>
/// <param name="Problems">Every broken rule, fatal or not, Slack-style: <c>"… [json-pointer:/blocks/0/text/text]"</c>.</param>
internal sealed record MessageVerdict(string? Error, IReadOnlyList<string> Problems);

/// <summary>
/// Block Kit limits for messages (PROTOCOLS.md §7.4): ≤ 50 blocks; section text ≤ 3000, fields ≤ 10 × 2000;
/// header ≤ 150 (plain_text); context ≤ 10 elements, text ≤ 3000; actions ≤ 25 elements; button text ≤ 75,
/// action_id ≤ 255, value ≤ 2000, url ≤ 3000; block_id ≤ 255 and unique; action_id unique per block.
/// Breaking one is fatal (<c>invalid_blocks</c>). A missing top-level <c>text</c> next to <c>blocks</c> is only
/// recorded (Slack accepts it, but notifications then have no text).
/// </summary>
internal static class BlockKitLimits
{
    public const int MaxBlocks = 50;

    public static MessageVerdict Check(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return new MessageVerdict("invalid_payload", ["message must be a JSON object"]);
        }

        var fatal = new List<string>();
        var problems = new List<string>();
        var hasText = message.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && text.GetString()!.Length > 0;
        var hasBlocks = message.TryGetProperty("blocks", out var blocks);
        if (hasBlocks)
        {
            CheckBlocks(blocks, fatal);
            if (!hasText)
            {
                problems.Add("top-level text fallback missing next to blocks [json-pointer:/text]");
            }
        }

        var deletes = message.TryGetProperty("delete_original", out var delete) && delete.ValueKind == JsonValueKind.True;
        if (!hasText && !hasBlocks && !message.TryGetProperty("attachments", out _) && !deletes)
        {
            return new MessageVerdict("no_text", ["message has no text, blocks or attachments"]);
        }

        problems.InsertRange(0, fatal);
        return new MessageVerdict(fatal.Count > 0 ? "invalid_blocks" : null, problems);
    }

    private static void CheckBlocks(JsonElement blocks, List<string> errors)
    {
        if (blocks.ValueKind != JsonValueKind.Array)
        {
            errors.Add("must be an array [json-pointer:/blocks]");
            return;
        }

        if (blocks.GetArrayLength() > MaxBlocks)
        {
            errors.Add($"no more than {MaxBlocks} items allowed [json-pointer:/blocks]");
        }

        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            var at = "/blocks/" + index.ToString(CultureInfo.InvariantCulture);
            index++;
            if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                errors.Add($"missing required field: type [json-pointer:{at}]");
                continue;
            }

            if (block.TryGetProperty("block_id", out var blockId) && blockId.ValueKind == JsonValueKind.String)
            {
                MaxLength(blockId, 255, at + "/block_id", errors);
                if (!blockIds.Add(blockId.GetString()!))
                {
                    errors.Add($"duplicate block_id [json-pointer:{at}/block_id]");
                }
            }

            switch (type.GetString())
            {
                case "section":
                    CheckSection(block, at, errors);
                    break;
                case "header":
                    TextObject(block, "text", 150, at, errors, required: true, plainOnly: true);
                    break;
                case "context":
                    CheckElements(block, 10, at, errors, element => TextLength(element, 3000, errors));
                    break;
                case "actions":
                    var actionIds = new HashSet<string>(StringComparer.Ordinal);
                    CheckElements(block, 25, at, errors, element => CheckElement(element, actionIds, errors));
                    break;
                default:
                    break; // divider, image, rich_text, ...: no limits checked.
            }
        }
    }

    private static void CheckSection(JsonElement block, string at, List<string> errors)
    {
        var hasText = TextObject(block, "text", 3000, at, errors, required: false, plainOnly: false);
        var hasFields = block.TryGetProperty("fields", out var fields);
        if (hasFields)
        {
            if (fields.ValueKind != JsonValueKind.Array || fields.GetArrayLength() == 0)
            {
                errors.Add($"must be a non-empty array [json-pointer:{at}/fields]");
            }
            else
            {
                if (fields.GetArrayLength() > 10)
                {
                    errors.Add($"no more than 10 items allowed [json-pointer:{at}/fields]");
                }

                var i = 0;
                foreach (var field in fields.EnumerateArray())
                {
                    TextLength((field, $"{at}/fields/{i++}"), 2000, errors);
                }
            }
        }

        if (!hasText && !hasFields)
        {
            errors.Add($"must provide either text or fields [json-pointer:{at}]");
        }

        if (block.TryGetProperty("accessory", out var accessory))
        {
            CheckElement((accessory, at + "/accessory"), new HashSet<string>(StringComparer.Ordinal), errors);
        }
    }

    private static void CheckElements(JsonElement block, int max, string at, List<string> errors, Action<(JsonElement, string)> check)
    {
        if (!block.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array || elements.GetArrayLength() == 0)
        {
            errors.Add($"must be a non-empty array [json-pointer:{at}/elements]");
            return;
        }

        if (elements.GetArrayLength() > max)
        {
            errors.Add($"no more than {max} items allowed [json-pointer:{at}/elements]");
        }

        var i = 0;
        foreach (var element in elements.EnumerateArray())
        {
            check((element, $"{at}/elements/{i++}"));
        }
    }

    /// <summary>Buttons: text ≤ 75 (plain_text), action_id ≤ 255 and unique in its block, value ≤ 2000, url ≤ 3000.</summary>
    private static void CheckElement((JsonElement Element, string At) item, HashSet<string> actionIds, List<string> errors)
    {
        var (element, at) = item;
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"must be an object [json-pointer:{at}]");
            return;
        }

        if (element.TryGetProperty("action_id", out var actionId) && actionId.ValueKind == JsonValueKind.String)
        {
            MaxLength(actionId, 255, at + "/action_id", errors);
            if (!actionIds.Add(actionId.GetString()!))
            {
                errors.Add($"duplicate action_id in block [json-pointer:{at}/action_id]");
            }
        }

        if (!element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "button")
        {
            return;
        }

        TextObject(element, "text", 75, at, errors, required: true, plainOnly: true);
        if (element.TryGetProperty("value", out var value))
        {
            MaxLength(value, 2000, at + "/value", errors);
        }

        if (element.TryGetProperty("url", out var url))
        {
            MaxLength(url, 3000, at + "/url", errors);
        }
    }

    /// <summary>Checks <c>owner[name]</c> as a text object; returns whether it is present.</summary>
    private static bool TextObject(JsonElement owner, string name, int max, string at, List<string> errors, bool required, bool plainOnly)
    {
        if (!owner.TryGetProperty(name, out var textObject))
        {
            if (required)
            {
                errors.Add($"missing required field: {name} [json-pointer:{at}]");
            }

            return false;
        }

        var path = $"{at}/{name}";
        if (plainOnly && (!textObject.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "plain_text"))
        {
            errors.Add($"must be a plain_text object [json-pointer:{path}/type]");
        }

        TextLength((textObject, path), max, errors);
        return true;
    }

    /// <summary>A text object (<c>type</c> plain_text or mrkdwn, <c>text</c> 1..max); non-text elements (images) pass.</summary>
    private static void TextLength((JsonElement TextObject, string At) item, int max, List<string> errors)
    {
        var (textObject, at) = item;
        if (textObject.ValueKind != JsonValueKind.Object || !textObject.TryGetProperty("type", out var type))
        {
            errors.Add($"must be a text object [json-pointer:{at}]");
            return;
        }

        if (type.GetString() is not ("plain_text" or "mrkdwn"))
        {
            return; // e.g. an image element inside a context block.
        }

        if (!textObject.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || text.GetString()!.Length == 0)
        {
            errors.Add($"must be more than 0 characters [json-pointer:{at}/text]");
            return;
        }

        MaxLength(text, max, at + "/text", errors);
    }

    private static void MaxLength(JsonElement value, int max, string at, List<string> errors)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length > max)
        {
            errors.Add($"must be less than {max + 1} characters [json-pointer:{at}]");
        }
    }
}
