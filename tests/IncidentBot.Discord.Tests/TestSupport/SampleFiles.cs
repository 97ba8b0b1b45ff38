using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Discord.Tests.TestSupport;

/// <summary>The payload samples copied to the test output (<c>Samples/</c>).</summary>
internal static class SampleFiles
{
    public static string Folder => System.IO.Path.Combine(AppContext.BaseDirectory, "Samples");

    public static string Path(string name) => System.IO.Path.Combine(Folder, name);

    public static string ReadText(string name) => File.ReadAllText(Path(name));

    public static byte[] ReadBytes(string name) => File.ReadAllBytes(Path(name));

    public static JsonNode ReadNode(string name) => JsonNode.Parse(ReadText(name)) ?? throw new InvalidDataException(name + " is JSON null");

    public static JsonElement ReadElement(string name)
    {
        using var document = JsonDocument.Parse(ReadText(name));
        return document.RootElement.Clone();
    }

    /// <summary>The names of the samples matching <paramref name="pattern"/>, sorted.</summary>
    public static IEnumerable<string> Names(string pattern) =>
        Directory.EnumerateFiles(Folder, pattern).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!;
}
