using System.Text;

namespace IncidentBot.Slack.Http;

/// <summary>Reads an <c>application/x-www-form-urlencoded</c> body (Slack's slash commands and interaction posts).</summary>
public static class FormBody
{
    /// <summary>The fields; a repeated name keeps its first value.</summary>
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            fields.TryAdd(name, value);
        }

        return fields;
    }

    // In forms a space is '+'; Uri.UnescapeDataString leaves malformed escapes as they are instead of throwing.
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
