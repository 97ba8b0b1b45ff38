using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentBot.Discord.Rest;

/// <summary>Source-generated JSON for REST answers (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
internal sealed partial class DiscordRestJsonContext : JsonSerializerContext;
