using System.Text;

namespace IncidentBot.Slack.Http;

/// <summary>What a Slack HTTP endpoint answers: a status and a body (JSON, or empty for a bare acknowledgement).</summary>
public sealed record SlackHttpResult(int StatusCode, byte[] Body, string ContentType)
{
    public static SlackHttpResult Empty { get; } = new(200, [], "text/plain");

    public static SlackHttpResult Error(int statusCode, string message) =>
        new(statusCode, Encoding.UTF8.GetBytes($"{{\"error\":{System.Text.Json.JsonSerializer.Serialize(message, SlackJsonContext.Default.String)}}}"), "application/json");
}
