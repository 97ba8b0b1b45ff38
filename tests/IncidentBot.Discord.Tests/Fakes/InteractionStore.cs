using System.Text.Json.Nodes;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Interaction state: which interactions were acknowledged, and the messages of each interaction webhook.
/// An interaction token only works as a webhook once the interaction got its initial response
/// (receiving-and-responding.mdx:L455-L494): then <c>@original</c> and follow-ups exist.
/// </summary>
internal sealed class InteractionStore
{
    /// <summary>LOADING (1 &lt;&lt; 7): the "thinking…" state a type-5 defer leaves until the first edit.</summary>
    private const int LoadingFlag = 128;

    /// <summary>The channel every fake message claims to be in.</summary>
    private const string ChannelId = "1300000000000000001";

    private readonly Lock _gate = new();
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Webhook> _webhooks = new(StringComparer.Ordinal);

    /// <summary>Marks the interaction answered; false when it already was (Discord's 40060).</summary>
    public bool TryAcknowledge(string interactionId, string token, int callbackType, JsonObject? data, string applicationId)
    {
        lock (_gate)
        {
            if (!_acknowledged.Add(interactionId))
            {
                return false;
            }

            var webhook = new Webhook(interactionId);
            var original = callbackType switch
            {
                CallbackRules.ChannelMessageWithSource or CallbackRules.UpdateMessage => NewMessage(data ?? [], applicationId, 0),
                CallbackRules.DeferredChannelMessageWithSource => NewMessage([], applicationId, Flags(data) | LoadingFlag),
                CallbackRules.DeferredUpdateMessage => NewMessage([], applicationId, 0),
                _ => null, // PONG, autocomplete and modal responses leave no message behind.
            };
            if (original is not null)
            {
                webhook.OriginalId = original["id"]!.GetValue<string>();
                webhook.Messages[webhook.OriginalId] = original;
            }

            _webhooks[token] = webhook;
            return true;
        }
    }

    /// <summary>Registers <paramref name="token"/> as if its interaction had been deferred (type 5).</summary>
    public void AssumeDeferred(string token, string applicationId)
    {
        lock (_gate)
        {
            var original = NewMessage([], applicationId, LoadingFlag);
            var webhook = new Webhook(string.Empty) { OriginalId = original["id"]!.GetValue<string>() };
            webhook.Messages[webhook.OriginalId] = original;
            _webhooks.TryAdd(token, webhook);
        }
    }

    /// <summary>The interaction id behind an acknowledged token, or null when the token is not a webhook yet.</summary>
    public string? InteractionIdFor(string token)
    {
        lock (_gate)
        {
            return _webhooks.TryGetValue(token, out var webhook) ? webhook.InteractionId : null;
        }
    }

    /// <summary>Creates a follow-up message (Execute Webhook semantics) and returns it.</summary>
    public JsonObject CreateFollowUp(string token, JsonObject body, string applicationId)
    {
        lock (_gate)
        {
            var message = NewMessage(body, applicationId, Flags(body));
            _webhooks[token].Messages[message["id"]!.GetValue<string>()] = message;
            return (JsonObject)message.DeepClone();
        }
    }

    /// <summary>Edits <c>@original</c> or a follow-up; null when no such message exists.</summary>
    public JsonObject? Edit(string token, string messageId, JsonObject patch)
    {
        lock (_gate)
        {
            var webhook = _webhooks[token];
            var id = messageId == "@original" ? webhook.OriginalId : messageId;
            if (id is null || !webhook.Messages.TryGetValue(id, out var message))
            {
                return null;
            }

            // Edit Webhook Message semantics: fields sent replace, fields left out stay.
            foreach (var name in new[] { "content", "embeds", "components", "allowed_mentions", "attachments" })
            {
                if (patch.ContainsKey(name))
                {
                    message[name] = patch[name]?.DeepClone();
                }
            }

            message["flags"] = Flags(message) & ~LoadingFlag;
            message["edited_timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            return (JsonObject)message.DeepClone();
        }
    }

    private static int Flags(JsonObject? body) =>
        body?["flags"] is JsonValue value && value.TryGetValue<int>(out var flags) ? flags : 0;

    private static JsonObject NewMessage(JsonObject body, string applicationId, int flags) => new()
    {
        ["id"] = Snowflake.Next(),
        ["type"] = 0,
        ["channel_id"] = ChannelId,
        ["content"] = body["content"]?.DeepClone() ?? string.Empty,
        ["embeds"] = body["embeds"]?.DeepClone() ?? new JsonArray(),
        ["components"] = body["components"]?.DeepClone() ?? new JsonArray(),
        ["flags"] = flags,
        ["application_id"] = applicationId,
        ["webhook_id"] = applicationId,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["edited_timestamp"] = null,
    };

    /// <summary>The messages reachable through one interaction token.</summary>
    private sealed class Webhook(string interactionId)
    {
        public string InteractionId { get; } = interactionId;

        public string? OriginalId { get; set; }

        public Dictionary<string, JsonObject> Messages { get; } = new(StringComparer.Ordinal);
    }
}
