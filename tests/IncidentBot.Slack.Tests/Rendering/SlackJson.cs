using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Rendering;

namespace IncidentBot.Slack.Tests.Rendering;

/// <summary>
/// Serializes a message exactly as it is sent (<see cref="SlackJsonContext"/>) and checks the JSON against every
/// Block Kit limit and the mrkdwn safety rules, so tests judge what Slack would receive.
/// </summary>
internal static partial class SlackJson
{
    public static string Serialize(SlackMessage message) => JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage);

    public static JsonElement Parse(SlackMessage message)
    {
        using var document = JsonDocument.Parse(Serialize(message));
        return document.RootElement.Clone();
    }

    public static IReadOnlyList<JsonElement> Blocks(JsonElement root) => [.. root.GetProperty("blocks").EnumerateArray()];

    public static string Type(JsonElement block) => block.GetProperty("type").GetString()!;

    /// <summary>A section's or header's text, or a context block's single element.</summary>
    public static string Text(JsonElement block) => Type(block) == "context"
        ? Assert.Single(block.GetProperty("elements").EnumerateArray()).GetProperty("text").GetString()!
        : block.GetProperty("text").GetProperty("text").GetString()!;

    public static IReadOnlyList<JsonElement> Buttons(JsonElement root) =>
        [.. Blocks(root).Where(b => Type(b) == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray())];

    /// <summary>Every text a user can see: the fallback and all text objects.</summary>
    public static IReadOnlyList<string> AllTexts(JsonElement root)
    {
        var texts = new List<string> { root.GetProperty("text").GetString()! };
        foreach (var block in Blocks(root))
        {
            if (block.TryGetProperty("text", out var text))
            {
                texts.Add(text.GetProperty("text").GetString()!);
            }

            if (block.TryGetProperty("elements", out var elements))
            {
                texts.AddRange(elements.EnumerateArray().Select(ElementText));
            }
        }

        return texts;
    }

    /// <summary>Asserts every Block Kit limit (PROTOCOLS.md §7.4) and that all mrkdwn is well formed.</summary>
    public static void AssertWithinLimits(SlackMessage message)
    {
        var root = Parse(message);
        var fallback = root.GetProperty("text").GetString()!;
        Assert.InRange(fallback.Length, 1, SlackLimits.FallbackText);
        Assert.True(root.GetProperty("response_type").GetString() is "ephemeral" or "in_channel");
        var blocks = Blocks(root);
        Assert.InRange(blocks.Count, 1, SlackLimits.Blocks);
        foreach (var block in blocks)
        {
            switch (Type(block))
            {
                case "section":
                    AssertText(block.GetProperty("text"), SlackLimits.SectionText);
                    break;
                case "header":
                    Assert.Equal("plain_text", block.GetProperty("text").GetProperty("type").GetString());
                    AssertText(block.GetProperty("text"), SlackLimits.HeaderText);
                    break;
                case "context":
                    var elements = block.GetProperty("elements").EnumerateArray().ToList();
                    Assert.InRange(elements.Count, 1, SlackLimits.ContextElements);
                    elements.ForEach(e => AssertText(e, SlackLimits.SectionText));
                    break;
                case "actions":
                    var buttons = block.GetProperty("elements").EnumerateArray().ToList();
                    Assert.InRange(buttons.Count, 1, SlackLimits.ActionsElements);
                    foreach (var button in buttons)
                    {
                        Assert.Equal("button", button.GetProperty("type").GetString());
                        Assert.Equal("plain_text", button.GetProperty("text").GetProperty("type").GetString());
                        AssertText(button.GetProperty("text"), SlackLimits.ButtonText);
                        Assert.InRange(button.GetProperty("action_id").GetString()!.Length, 1, SlackLimits.ActionId);
                        Assert.InRange(button.GetProperty("value").GetString()!.Length, 1, SlackLimits.ButtonValue);
                    }

                    break;
                default:
                    Assert.Equal("divider", Type(block));
                    break;
            }
        }
    }

    /// <summary>
    /// Well-formed mrkdwn from our renderers: every <c>&lt;</c> opens an http(s) link or a user mention, every
    /// <c>&amp;</c> is an entity, bold markers pair up on each line, and no lone surrogate is left.
    /// </summary>
    public static void AssertSafeMrkdwn(string text)
    {
        var withoutLinks = AllowedAngle().Replace(text, "LINK");
        Assert.DoesNotContain('<', withoutLinks);
        Assert.DoesNotContain('>', withoutLinks);
        Assert.DoesNotMatch(BrokenEntity(), text);
        foreach (var line in withoutLinks.Split('\n'))
        {
            Assert.True(line.Count(c => c == '*') % 2 == 0, $"unpaired bold marker in: {line}");
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
            {
                Assert.Fail($"lone surrogate at {i}");
            }

            if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                Assert.Fail($"lone surrogate at {i}");
            }
        }
    }

    private static string ElementText(JsonElement element)
    {
        var text = element.GetProperty("text");
        return text.ValueKind == JsonValueKind.Object ? text.GetProperty("text").GetString()! : text.GetString()!;
    }

    private static void AssertText(JsonElement textObject, int max)
    {
        var text = textObject.GetProperty("text").GetString()!;
        Assert.InRange(text.Length, 1, max);
        if (textObject.GetProperty("type").GetString() == "mrkdwn")
        {
            AssertSafeMrkdwn(text);
        }
    }

    [GeneratedRegex(@"<(https?://[^\s<>|]+(\|[^<>|\n]*)?|@[UW][A-Z0-9]+)>")]
    private static partial Regex AllowedAngle();

    [GeneratedRegex("&(?!amp;|lt;|gt;)")]
    private static partial Regex BrokenEntity();
}
