using System.Text.Json.Serialization;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Http;

/// <summary>JSON shapes of the host's endpoints and CLI verbs (answers use <c>AnswerJsonContext</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<SourceInfo>))]
[JsonSerializable(typeof(ReindexResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class HostJsonContext : JsonSerializerContext;

/// <summary>Body of <c>POST /api/reindex</c>.</summary>
internal sealed record ReindexResponse(string Status, IndexSnapshotInfo? Index, double ElapsedMs, IReadOnlyList<string> Warnings, string? Error);

/// <summary>Body of <c>/healthz</c> and <c>/readyz</c>.</summary>
internal sealed record StatusResponse(string Status, IndexSnapshotInfo? Index);

/// <summary>Body of every 4xx/5xx answer: one sentence a person can act on.</summary>
internal sealed record ErrorResponse(string Error);
