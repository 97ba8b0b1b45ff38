using System.Text.Json;
using IncidentBot.Slack.Commands;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Payloads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Http;

/// <summary>
/// The logic behind <c>POST /slack/commands</c> and <c>POST /slack/interactions</c>, on raw bytes: verify the
/// signature and its age (401), read the form (400), then answer within Slack's 3 seconds — a command's reply
/// inline when ready, else "searching" now and the answer through <c>response_url</c>; a click is acknowledged
/// with an empty 200 and answered through its <c>response_url</c>.
/// </summary>
public sealed partial class SlackHttpEndpoint
{
    /// <summary>Commands and clicks are a few KB; anything bigger is refused before it is read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly SlackMessage Searching = new() { Text = "Searching the documents… the answer follows in a moment." };

    private readonly SlackSignatureVerifier? _verifier;
    private readonly SlackResponder _responder;
    private readonly SlackBackgroundWork _background;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackHttpEndpoint> _logger;

    public SlackHttpEndpoint(SlackResponder responder, SlackBackgroundWork background, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackHttpEndpoint> logger)
    {
        _responder = responder;
        _background = background;
        _time = time;
        _logger = logger;
        var secret = options.Value.SigningSecret;
        _verifier = string.IsNullOrEmpty(secret) ? null : new SlackSignatureVerifier(secret, time);
    }

    public async Task<SlackHttpResult> HandleCommandAsync(ReadOnlyMemory<byte> body, string? timestamp, string? signature)
    {
        var receivedAt = _time.GetUtcNow();
        if (Refuse(body, timestamp, signature) is { } refusal)
        {
            return refusal;
        }

        var form = FormBody.Parse(body.Span);
        if (form.TryGetValue("ssl_check", out var check) && check == "1")
        {
            return SlackHttpResult.Empty;
        }

        if (SlashCommand.From(name => form.TryGetValue(name, out var value) ? value : null) is not { } command)
        {
            return SlackHttpResult.Error(400, "not a slash command (command and user_id are required)");
        }

        var reply = await _responder.RespondToCommandAsync(command, receivedAt, _background.Stopping).ConfigureAwait(false);
        return Json(reply ?? Searching);
    }

    public Task<SlackHttpResult> HandleInteractionAsync(ReadOnlyMemory<byte> body, string? timestamp, string? signature)
    {
        if (Refuse(body, timestamp, signature) is { } refusal)
        {
            return Task.FromResult(refusal);
        }

        var form = FormBody.Parse(body.Span);
        if (!form.TryGetValue("payload", out var json))
        {
            return Task.FromResult(SlackHttpResult.Error(400, "no payload field"));
        }

        JsonElement payload;
        try
        {
            payload = JsonSerializer.Deserialize(json, SlackJsonContext.Default.JsonElement);
        }
        catch (JsonException)
        {
            return Task.FromResult(SlackHttpResult.Error(400, "the payload is not JSON"));
        }

        if (BlockActions.From(payload) is { } click)
        {
            _responder.RespondToAction(click, _background.Stopping);
        }
        else
        {
            LogIgnored();
        }

        return Task.FromResult(SlackHttpResult.Empty);
    }

    private SlackHttpResult? Refuse(ReadOnlyMemory<byte> body, string? timestamp, string? signature)
    {
        var check = _verifier?.Verify(timestamp, signature, body.Span) ?? SlackSignatureCheck.Missing;
        if (check == SlackSignatureCheck.Valid)
        {
            return null;
        }

        LogRefused(check);
        return SlackHttpResult.Error(401, check == SlackSignatureCheck.Stale ? "stale request timestamp" : "invalid request signature");
    }

    private static SlackHttpResult Json(SlackMessage message) =>
        new(200, JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.SlackMessage), "application/json");

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a Slack request: signature {Check}")]
    private partial void LogRefused(SlackSignatureCheck check);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a Slack interaction that is not a block_actions click")]
    private partial void LogIgnored();
}
