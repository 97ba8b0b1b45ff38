namespace IncidentBot.Discord.Http;

/// <summary>What the HTTP interactions endpoint answers: a status and, usually, a JSON body.</summary>
public sealed record HttpInteractionResult(int StatusCode, byte[]? Json)
{
    public static HttpInteractionResult Error(int statusCode, string message) =>
        new(statusCode, System.Text.Encoding.UTF8.GetBytes($"{{\"error\":{System.Text.Json.JsonSerializer.Serialize(message, Rest.DiscordRestJsonContext.Default.String)}}}"));
}
