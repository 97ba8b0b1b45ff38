using System.Text.Json;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>A message the client POSTed to a <c>response_url</c> and <see cref="FakeSlack"/> accepted.</summary>
/// <param name="Url">The absolute response URL posted to (as issued by <see cref="FakeSlack.NewResponseUrl"/>).</param>
/// <param name="Body">The posted JSON message (<c>response_type</c>, <c>text</c>, <c>blocks</c>, ...).</param>
/// <param name="At">When it arrived, by <see cref="FakeSlack.Time"/>.</param>
public sealed record ResponsePost(string Url, JsonElement Body, DateTimeOffset At)
{
    /// <summary>The top-level <c>text</c>, or null when absent.</summary>
    public string? Text => Body.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    /// <inheritdoc />
    public override string ToString() => $"{Url} {Body.GetRawText()}";
}
