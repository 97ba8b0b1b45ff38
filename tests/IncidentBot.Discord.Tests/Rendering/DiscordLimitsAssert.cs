using System.Text.Json;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rendering;

namespace IncidentBot.Discord.Tests.Rendering;

/// <summary>Checks a payload against Discord's limits the way Discord sees it: from the serialized JSON.</summary>
internal static class DiscordLimitsAssert
{
    public static JsonElement Serialize(MessagePayload payload)
    {
        var json = JsonSerializer.Serialize(payload, DiscordJsonContext.Default.MessagePayload);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement WithinLimits(MessagePayload payload)
    {
        var root = Serialize(payload);
        if (root.TryGetProperty("content", out var content))
        {
            Assert.InRange(content.GetString()!.Length, 1, DiscordLimits.Content);
        }

        if (root.TryGetProperty("embeds", out var embeds))
        {
            Assert.InRange(embeds.GetArrayLength(), 1, DiscordLimits.Embeds);
            var total = 0;
            foreach (var embed in embeds.EnumerateArray())
            {
                total += Part(embed, "title", DiscordLimits.EmbedTitle);
                total += Part(embed, "description", DiscordLimits.EmbedDescription);
                if (embed.TryGetProperty("footer", out var footer))
                {
                    total += Part(footer, "text", DiscordLimits.Footer);
                }

                if (embed.TryGetProperty("fields", out var fields))
                {
                    Assert.InRange(fields.GetArrayLength(), 1, DiscordLimits.EmbedFields);
                    foreach (var field in fields.EnumerateArray())
                    {
                        total += Part(field, "name", DiscordLimits.FieldName, required: true);
                        total += Part(field, "value", DiscordLimits.FieldValue, required: true);
                    }
                }
            }

            Assert.InRange(total, 1, DiscordLimits.EmbedTotal);
        }

        if (root.TryGetProperty("components", out var rows))
        {
            Assert.InRange(rows.GetArrayLength(), 1, DiscordLimits.Rows);
            foreach (var row in rows.EnumerateArray())
            {
                Assert.Equal(1, row.GetProperty("type").GetInt32());
                var buttons = row.GetProperty("components");
                Assert.InRange(buttons.GetArrayLength(), 1, DiscordLimits.ButtonsPerRow);
                foreach (var button in buttons.EnumerateArray())
                {
                    Assert.Equal(2, button.GetProperty("type").GetInt32());
                    Part(button, "label", DiscordLimits.ButtonLabel, required: true);
                    Part(button, "custom_id", DiscordLimits.CustomId, required: true);
                }
            }
        }

        Assert.Equal("{\"parse\":[]}", root.GetProperty("allowed_mentions").GetRawText());
        return root;
    }

    private static int Part(JsonElement parent, string name, int max, bool required = false)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            Assert.False(required, $"missing {name}");
            return 0;
        }

        var text = value.GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(text), $"empty {name}");
        Assert.True(text.Length <= max, $"{name} is {text.Length} chars, limit {max}");
        return text.Length;
    }
}
