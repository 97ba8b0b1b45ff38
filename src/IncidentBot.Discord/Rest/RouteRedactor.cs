using System.Text.RegularExpressions;

namespace IncidentBot.Discord.Rest;

/// <summary>Removes interaction tokens from REST paths before they are logged or used as log keys.</summary>
internal static partial class RouteRedactor
{
    public static string Redact(string path) => TokenSegment().Replace(path, "$1:token$2");

    // interactions/{id}/{token}/callback and webhooks/{app}/{token}/…: the token is the segment after the id.
    [GeneratedRegex(@"((?:interactions|webhooks)/\d+/)[^/?]+(/|$|\?)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenSegment();
}
