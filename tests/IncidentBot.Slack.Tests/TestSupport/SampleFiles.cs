using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Tests.TestSupport;

/// <summary>The payload samples copied to the test output (<c>Samples/</c>).</summary>
internal static class SampleFiles
{
    public const string SignatureVector = "slack_signature_test_vector.json";
    public const string SlashCommandFormBody = "slack_slash_command_form_body.txt";
    public const string SlashCommandsEnvelope = "slack_socket_mode_slash_commands_envelope.json";

    public static string Folder => System.IO.Path.Combine(AppContext.BaseDirectory, "Samples");

    public static string Path(string name) => System.IO.Path.Combine(Folder, name);

    public static string ReadText(string name) => File.ReadAllText(Path(name));

    public static byte[] ReadBytes(string name) => File.ReadAllBytes(Path(name));

    public static JsonNode ReadNode(string name) => JsonNode.Parse(ReadText(name)) ?? throw new InvalidDataException(name + " is JSON null");

    public static JsonElement ReadElement(string name) => Element(ReadText(name));

    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
