using System.Text.Encodings.Web;
using System.Text.Json;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Serializer settings for everything the fake writes: property names as given (Discord's snake_case is
/// written literally), nulls kept, and no HTML-safe escaping, so text such as <c>"</c>, <c>+</c> or
/// <c>é</c> goes out as plain UTF-8 the way Discord sends it.
/// </summary>
internal static class FakeJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
