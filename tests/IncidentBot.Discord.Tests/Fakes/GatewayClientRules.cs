using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>What the fake does with one client message: the parsed frame (if any) and a close code (if any).</summary>
internal readonly record struct GatewayVerdict(GatewayFrame? Frame, int? CloseCode, string? Reason)
{
    public static GatewayVerdict Close(GatewayFrame? frame, int code, string reason) => new(frame, code, reason);
}

/// <summary>
/// The gateway's rules for client payloads, as the real gateway enforces them by closing the socket
/// (gateway.mdx:L49-L52, L501-L507; close codes in opcodes-and-status-codes.mdx:L30-L51, PROTOCOLS.md §1.8).
/// One instance per connection; not thread-safe (only the receive loop calls it).
/// </summary>
internal sealed class GatewayClientRules(Func<string> expectedToken)
{
    /// <summary>Client payloads may be at most 4096 bytes; larger ones close with 4002.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>120 events per connection per 60 s, heartbeats included; exceeding closes with 4008.</summary>
    public const int MaxFramesPerWindow = 120;

    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(60);

    /// <summary>Opcodes a client may send: heartbeat, identify, presence, voice state, resume, request members, soundboard.</summary>
    private static readonly int[] ClientOpcodes = [1, 2, 3, 4, 6, 8, 31];

    private readonly Queue<DateTimeOffset> _recent = new();
    private volatile bool _authenticated;

    /// <summary>True once an Identify or Resume with the right token was accepted (read from test threads).</summary>
    public bool IsAuthenticated => _authenticated;

    /// <summary>Discord closes with 4012 for an API version it does not serve; the fake serves only v10.</summary>
    public static bool IsUnsupportedVersion(string query) =>
        QueryHelpers.ParseQuery(query).TryGetValue("v", out var version) && version.ToString() != "10";

    public GatewayVerdict Inspect(ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            return GatewayVerdict.Close(null, 4002, "Decode error");
        }

        _recent.Enqueue(now);
        while (_recent.Peek() <= now - RateWindow)
        {
            _recent.Dequeue();
        }

        if (Parse(payload, now) is not { } frame)
        {
            return GatewayVerdict.Close(null, 4002, "Decode error");
        }

        if (_recent.Count > MaxFramesPerWindow)
        {
            return GatewayVerdict.Close(frame, 4008, "Rate limited");
        }

        if (!ClientOpcodes.Contains(frame.Op))
        {
            return GatewayVerdict.Close(frame, 4001, "Unknown opcode");
        }

        return frame.Op switch
        {
            // d is the last sequence or null; a missing d is read as null.
            1 => frame.D.ValueKind is JsonValueKind.Number or JsonValueKind.Null or JsonValueKind.Undefined
                ? new GatewayVerdict(frame, null, null)
                : GatewayVerdict.Close(frame, 4001, "Invalid heartbeat payload"),
            2 or 6 => Authenticate(frame),
            _ when !IsAuthenticated => GatewayVerdict.Close(frame, 4003, "Not authenticated"),
            _ => new GatewayVerdict(frame, null, null),
        };
    }

    private GatewayVerdict Authenticate(GatewayFrame frame)
    {
        if (IsAuthenticated)
        {
            return GatewayVerdict.Close(frame, 4005, "Already authenticated");
        }

        var d = frame.D;
        if (d.ValueKind != JsonValueKind.Object)
        {
            return GatewayVerdict.Close(frame, 4001, "Invalid payload for opcode");
        }

        if (!d.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String
            || !string.Equals(token.GetString(), expectedToken(), StringComparison.Ordinal))
        {
            return GatewayVerdict.Close(frame, 4004, "Authentication failed");
        }

        var shapeError = frame.Op == 2 ? IdentifyShapeError(d) : ResumeShapeError(d);
        if (shapeError is not null)
        {
            return shapeError.Value;
        }

        _authenticated = true;
        return new GatewayVerdict(frame, null, null);

        GatewayVerdict? IdentifyShapeError(JsonElement identify)
        {
            // gateway-events.mdx:L71-L101: properties and intents are required. Since v8 a missing intents
            // field closes with 4013 (discord-api-docs PR #2114).
            if (!identify.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            {
                return GatewayVerdict.Close(frame, 4001, "Invalid payload for opcode");
            }

            if (!identify.TryGetProperty("intents", out var intents) || intents.ValueKind != JsonValueKind.Number
                || !intents.TryGetInt64(out var bits) || bits < 0)
            {
                return GatewayVerdict.Close(frame, 4013, "Invalid intent(s)");
            }

            if (identify.TryGetProperty("shard", out var shard)
                && (shard.ValueKind != JsonValueKind.Array || shard.GetArrayLength() != 2
                    || !IsInt(shard[0], out var id) || !IsInt(shard[1], out var count) || id < 0 || id >= count))
            {
                return GatewayVerdict.Close(frame, 4010, "Invalid shard");
            }

            return null;
        }

        GatewayVerdict? ResumeShapeError(JsonElement resume) =>
            resume.TryGetProperty("session_id", out var session) && session.ValueKind == JsonValueKind.String
            && resume.TryGetProperty("seq", out var seq) && seq.ValueKind is JsonValueKind.Number or JsonValueKind.Null
                ? null
                : GatewayVerdict.Close(frame, 4001, "Invalid payload for opcode");
    }

    private static bool IsInt(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    /// <summary>A JSON object with an integer <c>op</c>; anything else is a decode error.</summary>
    private static GatewayFrame? Parse(ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op)
                || op.ValueKind != JsonValueKind.Number || !op.TryGetInt32(out var opcode))
            {
                return null;
            }

            var d = root.TryGetProperty("d", out var value) ? value.Clone() : default;
            return new GatewayFrame(opcode, d, now, Encoding.UTF8.GetString(payload));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
