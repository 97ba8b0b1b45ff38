using System.Text.Json;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// Reading and judging Socket Mode acks: <c>{"envelope_id":"…","payload":{…}?}</c> within 3 s, once per
/// delivery, payload only when the envelope accepts one, and that payload within the Block Kit limits.
/// </summary>
internal static class AckRules
{
    /// <summary>Slack's ack budget (PROTOCOLS.md §7.3: same 3 seconds as HTTP).</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    /// <summary>The ack in <paramref name="text"/>, or null when it is not JSON with a non-empty string envelope_id.</summary>
    public static SocketAck? Parse(string text, DateTimeOffset at)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("envelope_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0)
            {
                return null;
            }

            JsonElement? payload = root.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null ? p.Clone() : null;
            return new SocketAck(id.GetString()!, payload, at, text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every rule <paramref name="ack"/> breaks; marks <paramref name="delivery"/> acked.</summary>
    public static IEnumerable<string> Check(SocketAck ack, EnvelopeDelivery? delivery)
    {
        if (delivery is null)
        {
            yield return "ack for an envelope this connection never sent";
        }
        else
        {
            if (delivery.Acked)
            {
                yield return "envelope acked twice";
            }

            delivery.Acked = true;
            var elapsed = ack.At - delivery.SentAt;
            if (elapsed > Deadline)
            {
                yield return $"ack after {elapsed.TotalMilliseconds:0} ms (limit {Deadline.TotalMilliseconds:0} ms)";
            }

            if (ack.Payload is not null && !delivery.AcceptsPayload)
            {
                yield return "payload sent but the envelope has accepts_response_payload false";
            }
        }

        if (ack.Payload is not { } payload)
        {
            yield break;
        }

        if (payload.ValueKind != JsonValueKind.Object)
        {
            yield return "payload must be a JSON object";
        }
        else if (payload.EnumerateObject().Any())
        {
            foreach (var problem in BlockKitLimits.Check(payload).Problems)
            {
                yield return problem;
            }
        }
    }
}
