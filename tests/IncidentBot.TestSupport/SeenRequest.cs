namespace IncidentBot.TestSupport;

/// <summary>One request seen by <see cref="RecordingHttpHandler"/>.</summary>
public sealed record SeenRequest(HttpMethod Method, Uri Uri, string? Body, string? ContentType, string? Authorization, DateTimeOffset At);
