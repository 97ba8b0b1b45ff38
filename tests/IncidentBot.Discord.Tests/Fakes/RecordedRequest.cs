namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// One REST request as <see cref="FakeDiscord"/> received it, recorded before the fake answered.
/// </summary>
/// <param name="Method">HTTP method, upper case as sent (<c>GET</c>, <c>PUT</c>, ...).</param>
/// <param name="Path">Full path on the wire, including the version prefix, e.g. <c>/api/v10/gateway/bot</c>.</param>
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
