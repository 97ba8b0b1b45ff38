using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// Builders for what Slack sends, shaped like the VERBATIM samples in Samples/ (field order included) and
/// Slack's own SDK test fixtures. Facts and citations: shared/docs/PROTOCOLS.md §7.
/// </summary>
internal static class SlackPayloads
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Like Samples/slack_socket_mode_hello.json (python-slack-sdk mock_socket_mode_server.py:L30).</summary>
    public static JsonObject Hello(int numConnections, string appId) => new()
    {
        ["type"] = "hello",
        ["num_connections"] = numConnections,
        ["debug_info"] = new JsonObject
        {
            ["host"] = "applink-111-xxx",
            ["build_number"] = 10,
            ["approximate_connection_time"] = 18060,
        },
        ["connection_info"] = new JsonObject { ["app_id"] = appId },
    };

    /// <summary>Like Samples/slack_socket_mode_disconnect_too_many_websockets.json, with any reason.</summary>
    public static JsonObject Disconnect(string reason, int numConnections, string appId) => new()
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["num_connections"] = numConnections,
        ["debug_info"] = new JsonObject { ["host"] = "applink-111-xxx" },
        ["connection_info"] = new JsonObject { ["app_id"] = appId },
    };

    /// <summary>
    /// An envelope in the sample's field order. <c>retry_attempt</c>/<c>retry_reason</c> are written for
    /// <c>events_api</c> always (0 and "" on first delivery, as in the SDK's mock server), and for other
    /// types only on redelivery or when a reason is given.
    /// </summary>
    public static JsonObject Envelope(
        string envelopeId, string type, JsonObject payload, bool acceptsResponsePayload, int retryAttempt, string? retryReason)
    {
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["payload"] = payload.DeepClone(),
            ["type"] = type,
            ["accepts_response_payload"] = acceptsResponsePayload,
        };
        if (type == "events_api" || retryAttempt > 0 || retryReason is not null)
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = retryReason ?? string.Empty;
        }

        return envelope;
    }

    /// <summary>Exactly the field set and order of the sample <c>slash_commands</c> envelope payload.</summary>
    public static JsonObject SlashCommand(SlackIdentity slack, string command, string text, string userId, Uri responseUrl) => new()
    {
        ["token"] = "verification-token",
        ["team_id"] = slack.TeamId,
        ["team_domain"] = SlackIdentity.TeamDomain,
        ["channel_id"] = SlackIdentity.ChannelId,
        ["channel_name"] = SlackIdentity.ChannelName,
        ["user_id"] = userId,
        ["user_name"] = SlackIdentity.UserName(userId),
        ["command"] = command,
        ["text"] = text,
        ["api_app_id"] = slack.AppId,
        ["response_url"] = responseUrl.AbsoluteUri,
        ["trigger_id"] = TriggerId(),
    };

    /// <summary>
    /// A button click, mirroring the <c>block_actions</c> payload in Slack's own bolt-python test
    /// (slackapi/bolt-python tests/scenario_tests/test_block_actions.py): same members, same order. Real
    /// payloads also carry <c>message</c> (the clicked message) and <c>state</c>; they are left out here.
    /// </summary>
    public static JsonObject BlockActions(
        SlackIdentity slack, string actionId, string value, string userId, Uri responseUrl, string blockId) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject
        {
            ["id"] = userId,
            ["username"] = SlackIdentity.UserName(userId),
            ["name"] = SlackIdentity.UserName(userId),
            ["team_id"] = slack.TeamId,
        },
        ["api_app_id"] = slack.AppId,
        ["token"] = "verification-token",
        ["container"] = new JsonObject
        {
            ["type"] = "message",
            ["message_ts"] = Timestamp(slack.Now),
            ["channel_id"] = SlackIdentity.ChannelId,
            ["is_ephemeral"] = true,
        },
        ["trigger_id"] = TriggerId(),
        ["team"] = new JsonObject { ["id"] = slack.TeamId, ["domain"] = SlackIdentity.TeamDomain },
        ["channel"] = new JsonObject { ["id"] = SlackIdentity.ChannelId, ["name"] = SlackIdentity.ChannelName },
        ["response_url"] = responseUrl.AbsoluteUri,
        ["actions"] = new JsonArray
        {
            new JsonObject
            {
                ["action_id"] = actionId,
                ["block_id"] = blockId,
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Button", ["emoji"] = true },
                ["value"] = value,
                ["type"] = "button",
                ["action_ts"] = Timestamp(slack.Now),
            },
        },
    };

    /// <summary>A response_url secret like <c>96rGlfmibIGlgcZRskXaIFfN</c> (24 alphanumerics).</summary>
    public static string Secret() => RandomNumberGenerator.GetString(Alphanumerics, 24);

    /// <summary>A Slack-generated block id like <c>XTkTR</c>.</summary>
    public static string BlockId() => RandomNumberGenerator.GetString(Alphanumerics, 5);

    /// <summary>Like <c>398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c</c>.</summary>
    private static string TriggerId() =>
        string.Create(CultureInfo.InvariantCulture, $"{RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue)}.111222333.{Guid.NewGuid():N}");

    /// <summary>A Slack <c>ts</c>: unix seconds, a dot, six digits.</summary>
    private static string Timestamp(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now.ToUnixTimeSeconds()}.{RandomNumberGenerator.GetInt32(0, 1_000_000):D6}");
}
