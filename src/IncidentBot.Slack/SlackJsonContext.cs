using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack;

/// <summary>Source-generated JSON for what the bot sends to Slack (snake_case, nulls left out).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
