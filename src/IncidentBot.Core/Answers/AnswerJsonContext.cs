using System.Text.Json.Serialization;

namespace IncidentBot.Core.Answers;

/// <summary>The one JSON shape of an answer, shared by the CLI (<c>--json</c>) and the HTTP API.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Answer))]
[JsonSerializable(typeof(AskError))]
public sealed partial class AnswerJsonContext : JsonSerializerContext;
