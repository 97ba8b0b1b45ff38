using System.Net;

namespace IncidentBot.Discord.Rest;

/// <summary>The outcome of one REST call: Discord's 4xx answers are expected values, not exceptions.</summary>
/// <param name="Status">HTTP status; 0 when no response arrived (network fault, sender stopped).</param>
/// <param name="Code">Discord's JSON error code (e.g. 10062 unknown interaction, 40060 already acknowledged), or 0.</param>
/// <param name="Message">Discord's error message or a description of the fault; null on success.</param>
public sealed record DiscordRestResult(HttpStatusCode Status, int Code, string? Message)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public static DiscordRestResult Ok(HttpStatusCode status) => new(status, 0, null);

    public static DiscordRestResult Fault(string message) => new(0, 0, message);

    public override string ToString() => IsSuccess ? $"{(int)Status}" : $"{(int)Status} (code {Code}): {Message}";
}
