using System.Text.Encodings.Web;
using System.Text.Json;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// Serializer settings for everything the fake writes: names as given (Slack's snake_case is literal) and
/// no HTML-safe escaping, so text such as <c>"</c>, <c>+</c> or <c>é</c> goes out as plain UTF-8.
/// </summary>
internal static class FakeJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
