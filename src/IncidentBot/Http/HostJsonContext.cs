using System.Text.Json.Serialization;
using IncidentBot.Core.Evaluation;
using IncidentBot.Core.Feedback;
using IncidentBot.Core.Health;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Http;

/// <summary>JSON shapes of the host's endpoints and CLI verbs (answers use <c>AnswerJsonContext</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<SourceInfo>))]
[JsonSerializable(typeof(ReindexResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(GapReport))]
[JsonSerializable(typeof(TimelineResponse))]
internal sealed partial class HostJsonContext : JsonSerializerContext;

/// <summary>Body of <c>POST /api/reindex</c>.</summary>
/// <param name="Status">"built", "unchanged" or "failed".</param>
/// <param name="Index">The index answering after the request (null on failure).</param>
/// <param name="ElapsedMs">How long the request took.</param>
/// <param name="Warnings">Documents skipped or read with problems, and the like.</param>
/// <param name="Error">Why it failed, in words an admin can act on.</param>
/// <param name="Golden">How the rebuilt index did on the golden questions (null without any).</param>
internal sealed record ReindexResponse(string Status, IndexSnapshotInfo? Index, double ElapsedMs, IReadOnlyList<string> Warnings, string? Error, GoldenCheck? Golden = null);

/// <summary>Body of <c>/healthz</c> and <c>/readyz</c>.</summary>
/// <param name="Status">"alive", "ready", "starting", "failed", "stopping".</param>
/// <param name="Index">The answering index, once one is open.</param>
/// <param name="Connections">Each chat connection's last state (empty when no chat platform is configured).</param>
/// <param name="Reason">Why the service is not ready, when it is not.</param>
internal sealed record StatusResponse(string Status, IndexSnapshotInfo? Index, IReadOnlyList<ConnectionStatus> Connections, string? Reason = null);

/// <summary>Body of every 4xx/5xx answer: one sentence a person can act on.</summary>
internal sealed record ErrorResponse(string Error);
