using System.Text.Json;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Http;

/// <summary>
/// The logic behind <c>POST /discord/interactions</c>, free of ASP.NET so it can be tested on bytes: verify the
/// signature (401), read the JSON (400), answer PING with PONG, and answer commands inline in the HTTP
/// response, which saves the callback request the gateway mode needs.
/// </summary>
public sealed partial class HttpInteractionEndpoint
{
    /// <summary>Interactions are a few KB; anything bigger is refused before it is read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly InteractionSignatureVerifier? _verifier;
    private readonly InteractionResponder _responder;
    private readonly TimeProvider _time;
    private readonly ILogger<HttpInteractionEndpoint> _logger;

    public HttpInteractionEndpoint(InteractionResponder responder, IOptions<DiscordOptions> options, TimeProvider time, ILogger<HttpInteractionEndpoint> logger)
    {
        _responder = responder;
        _time = time;
        _logger = logger;
        var key = options.Value.PublicKey;
        _verifier = string.IsNullOrEmpty(key) ? null : new InteractionSignatureVerifier(key);
    }

    public Task<HttpInteractionResult> HandleAsync(ReadOnlyMemory<byte> body, string? signature, string? timestamp, CancellationToken ct) =>
        HandleAsync(body, signature, timestamp, Task.FromResult(true), ct);

    /// <param name="body">The raw request body, exactly as received (the signature covers these bytes).</param>
    /// <param name="signature">X-Signature-Ed25519.</param>
    /// <param name="timestamp">X-Signature-Timestamp.</param>
    /// <param name="responseSent">Completes when the HTTP response has been sent; a deferred reply waits for it.</param>
    /// <param name="ct">The service's lifetime: a deferred reply outlives the request.</param>
    public async Task<HttpInteractionResult> HandleAsync(ReadOnlyMemory<byte> body, string? signature, string? timestamp, Task<bool> responseSent, CancellationToken ct)
    {
        var receivedAt = _time.GetUtcNow();
        if (_verifier is null || !_verifier.Verify(signature, timestamp, body.Span))
        {
            LogBadSignature();
            return HttpInteractionResult.Error(401, "invalid request signature");
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body.Span, DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException ex)
        {
            LogMalformed(ex.Message);
            return HttpInteractionResult.Error(400, "the body is not a valid interaction");
        }

        if (interaction is null)
        {
            return HttpInteractionResult.Error(400, "the body is not a valid interaction");
        }

        var response = await _responder.RespondAsync(interaction, receivedAt, responseSent, ct).ConfigureAwait(false);
        return response is null
            ? HttpInteractionResult.Error(400, "unsupported interaction type")
            : new HttpInteractionResult(200, JsonSerializer.SerializeToUtf8Bytes(response, DiscordJsonContext.Default.InteractionResponse));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a Discord interaction request: missing or invalid signature")]
    private partial void LogBadSignature();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a signed Discord interaction request with unreadable JSON: {Error}")]
    private partial void LogMalformed(string error);
}
