using System.Collections.Concurrent;
using System.Text.Json;
using IncidentBot.Slack.Api;
using IncidentBot.Slack.Commands;
using IncidentBot.Slack.Payloads;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// Answers Socket Mode envelopes: a slash command's reply rides on its ack when ready within 2 s (else the ack
/// goes bare and the reply follows through <c>response_url</c>); a button click is acked at once. Delivery is
/// at least once: an envelope id seen before (a redelivery) is acked again but not answered twice. (An ack lost
/// after it left this process loses its reply; an ack that could not be sent has its reply posted to response_url.)
/// </summary>
public sealed partial class SocketEnvelopeHandler
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly SlackResponder _responder;
    private readonly SlackApiClient _api;
    private readonly SlackBackgroundWork _background;
    private readonly TimeProvider _time;
    private readonly ILogger<SocketEnvelopeHandler> _logger;

    public SocketEnvelopeHandler(SlackResponder responder, SlackApiClient api, SlackBackgroundWork background, TimeProvider time, ILogger<SocketEnvelopeHandler> logger)
    {
        _responder = responder;
        _api = api;
        _background = background;
        _time = time;
        _logger = logger;
    }

    /// <summary>Starts handling <paramref name="envelope"/> and returns at once: the receive loop never waits.</summary>
    public void Handle(SocketEnvelope envelope, ISocketAcker acker)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(acker);
        var receivedAt = _time.GetUtcNow();
        _background.Track(HandleAsync(envelope, acker, receivedAt, _background.Stopping));
    }

    private async Task HandleAsync(SocketEnvelope envelope, ISocketAcker acker, DateTimeOffset receivedAt, CancellationToken ct)
    {
        if (!Remember(envelope.EnvelopeId, receivedAt))
        {
            LogRedelivered(envelope.Type, envelope.RetryAttempt);
            await acker.AckAsync(envelope.EnvelopeId, null, ct).ConfigureAwait(false);
            return;
        }

        switch (envelope.Type)
        {
            case "slash_commands" when SlashCommand.From(name => Field(envelope.Payload, name)) is { } command:
                var reply = await _responder.RespondToCommandAsync(command, receivedAt, ct).ConfigureAwait(false);
                var acked = await acker.AckAsync(envelope.EnvelopeId, envelope.AcceptsResponsePayload ? reply : null, ct).ConfigureAwait(false);

                // A reply that could not ride on the ack goes to response_url; so does one whose ack was lost, since
                // the redelivery that follows is only acked (its id is known), never answered again.
                if (reply is not null && (!envelope.AcceptsResponsePayload || !acked))
                {
                    if (command.ResponseUrl is { } url)
                    {
                        await _api.PostToResponseUrlAsync(url, reply, ct).ConfigureAwait(false);
                    }
                    else
                    {
                        LogNowhereToReply();
                    }
                }

                break;
            case "interactive":
                await acker.AckAsync(envelope.EnvelopeId, null, ct).ConfigureAwait(false);
                if (BlockActions.From(envelope.Payload) is { } click)
                {
                    _responder.RespondToAction(click, ct);
                }
                else
                {
                    LogIgnored(envelope.Type);
                }

                break;
            default:
                // Events and anything new: acknowledged so Slack does not redeliver, otherwise ignored.
                await acker.AckAsync(envelope.EnvelopeId, null, ct).ConfigureAwait(false);
                LogIgnored(envelope.Type);
                break;
        }
    }

    /// <summary>True the first time an envelope id is seen; old ids are forgotten so the set stays small.</summary>
    private bool Remember(string envelopeId, DateTimeOffset now)
    {
        if (_seen.Count > 10_000)
        {
            foreach (var (id, at) in _seen)
            {
                if (now - at > RememberFor)
                {
                    _seen.TryRemove(id, out _);
                }
            }
        }

        return _seen.TryAdd(envelopeId, now);
    }

    private static string? Field(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack redelivered an envelope ({Type}, attempt {Attempt}): acked again, not answered twice")]
    private partial void LogRedelivered(string type, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack reply had nowhere to go: not accepted with the ack, and no response_url")]
    private partial void LogNowhereToReply();

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a Slack {Type} envelope")]
    private partial void LogIgnored(string type);
}
