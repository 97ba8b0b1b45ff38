using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Payloads;
using IncidentBot.Slack.SocketMode;

namespace IncidentBot.Slack.Tests.TestSupport;

/// <summary>Slash commands, clicks, forms and Socket Mode envelopes as Slack sends them, with test defaults.</summary>
internal static class TestPayloads
{
    public const string UserId = "U0ASKER01";
    public const string OtherUserId = "U0OTHER02";
    public const string AdminUserId = "U0ADMIN03";
    public const string TeamId = "T0TEAM001";
    public const string ChannelId = "C0CHAN001";
    public const string CommandResponseUrl = "https://hooks.slack.com/commands/T0TEAM001/1111/command-secret";
    public const string ActionResponseUrl = "https://hooks.slack.com/actions/T0TEAM001/2222/action-secret";

    public static SlashCommand Command(string command, string text = "", string userId = UserId, string? responseUrl = CommandResponseUrl) => new()
    {
        Command = command,
        Text = text,
        UserId = userId,
        TeamId = TeamId,
        ChannelId = ChannelId,
        ResponseUrl = responseUrl,
        TriggerId = "111.222.trigger",
    };

    public static SlashCommand Ask(string text, string userId = UserId) => Command("/ask", text, userId);

    /// <summary>A <c>block_actions</c> payload with one button per (action_id, value).</summary>
    public static JsonObject ClickNode(string userId, params (string ActionId, string? Value)[] actions)
    {
        var list = new JsonArray();
        foreach (var (actionId, value) in actions)
        {
            var action = new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "answer_actions",
                ["action_ts"] = "1700000000.000100",
            };
            if (value is not null)
            {
                action["value"] = value;
            }

            list.Add(action);
        }

        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "asker", ["team_id"] = TeamId },
            ["api_app_id"] = "A0APP0001",
            ["token"] = "verification-token",
            ["container"] = new JsonObject { ["type"] = "message", ["is_ephemeral"] = true },
            ["trigger_id"] = "333.444.trigger",
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "example" },
            ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "incident" },
            ["response_url"] = ActionResponseUrl,
            ["actions"] = list,
        };
    }

    public static JsonElement ClickElement(string userId, params (string ActionId, string? Value)[] actions) => Element(ClickNode(userId, actions));

    public static BlockActions Click(string actionId, string? value, string userId = UserId) =>
        BlockActions.From(ClickElement(userId, (actionId, value))) ?? throw new InvalidOperationException("not a click");

    public static JsonElement Element(JsonNode node) => SampleFiles.Element(node.ToJsonString());

    /// <summary>An <c>application/x-www-form-urlencoded</c> body, each name and value percent-encoded.</summary>
    public static byte[] Form(params (string Name, string Value)[] fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value))));

    /// <summary>The HTTP form of a slash command.</summary>
    public static byte[] CommandForm(string command, string text, string userId = UserId, string responseUrl = CommandResponseUrl) => Form(
        ("token", "verification-token"),
        ("team_id", TeamId),
        ("team_domain", "example"),
        ("channel_id", ChannelId),
        ("channel_name", "incident"),
        ("user_id", userId),
        ("user_name", "asker"),
        ("command", command),
        ("text", text),
        ("api_app_id", "A0APP0001"),
        ("response_url", responseUrl),
        ("trigger_id", "111.222.trigger"));

    /// <summary>The HTTP form of an interaction: one <c>payload</c> field holding the JSON.</summary>
    public static byte[] InteractionForm(JsonNode payload) => Form(("payload", payload.ToJsonString()));

    /// <summary>A Socket Mode envelope around <paramref name="payload"/>.</summary>
    public static SocketEnvelope Envelope(string envelopeId, string type, JsonNode? payload, bool acceptsResponsePayload, int retryAttempt = 0) =>
        SocketEnvelope.From(SampleFiles.Element(EnvelopeJson(envelopeId, type, payload, acceptsResponsePayload, retryAttempt)))
            ?? throw new InvalidOperationException("not an envelope");

    /// <summary>The JSON text of a Socket Mode envelope, as Slack sends it on the socket.</summary>
    public static string EnvelopeJson(string envelopeId, string type, JsonNode? payload, bool acceptsResponsePayload, int retryAttempt = 0)
    {
        var root = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = acceptsResponsePayload,
        };
        if (retryAttempt > 0)
        {
            root["retry_attempt"] = retryAttempt;
            root["retry_reason"] = "timeout";
        }

        return root.ToJsonString();
    }

    /// <summary>A <c>slash_commands</c> payload (the form fields as JSON strings).</summary>
    public static JsonObject SlashPayload(string command, string text, string userId = UserId, string responseUrl = CommandResponseUrl) => new()
    {
        ["token"] = "verification-token",
        ["team_id"] = TeamId,
        ["team_domain"] = "example",
        ["channel_id"] = ChannelId,
        ["channel_name"] = "incident",
        ["user_id"] = userId,
        ["user_name"] = "asker",
        ["command"] = command,
        ["text"] = text,
        ["api_app_id"] = "A0APP0001",
        ["response_url"] = responseUrl,
        ["trigger_id"] = "111.222.trigger",
    };

    /// <summary>Reads a JSON payload's string fields the way the Socket Mode handler does.</summary>
    public static Func<string, string?> Fields(JsonElement payload) => name =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
