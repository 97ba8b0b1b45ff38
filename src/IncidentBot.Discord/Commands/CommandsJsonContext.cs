using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace IncidentBot.Discord.Commands;

/// <summary>Source-generated JSON for command definitions.</summary>
[JsonSerializable(typeof(JsonArray))]
internal sealed partial class CommandsJsonContext : JsonSerializerContext;
