using System.Text.Json.Serialization;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord;

/// <summary>
/// Source-generated JSON for every payload the bot reads or writes. Discord's JSON is snake_case; nulls are
/// left out because Discord treats a present <c>null</c> differently from a missing field in edits.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessagePayload))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
