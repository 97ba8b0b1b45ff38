namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// One HTTP request as <see cref="FakeSlack"/> received it (Web API call, response_url post or Socket Mode
/// connect), recorded before the fake answered.
/// </summary>
/// <param name="Method">HTTP method as sent (<c>POST</c>, <c>GET</c>, ...).</param>
/// <param name="Path">Path on the wire, e.g. <c>/api/apps.connections.open</c> or <c>/hooks/commands/T111/1/abc</c>.</param>
/// <param name="Query">Query string with its leading <c>?</c>, or empty.</param>
/// <param name="Headers">All request headers; names compare case-insensitively, repeated values are comma-joined.</param>
/// <param name="Body">The body as UTF-8 text (empty when there was none).</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>The value of header <paramref name="name"/>, or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}{Query}";
}
