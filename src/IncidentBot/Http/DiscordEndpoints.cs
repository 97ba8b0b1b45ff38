using IncidentBot.Discord;
using IncidentBot.Discord.Http;
using IncidentBot.Discord.Interactions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Http;

/// <summary><c>POST /discord/interactions</c>: Discord's HTTP delivery of interactions (Discord:Mode = Http).</summary>
internal static class DiscordEndpoints
{
    public static void MapDiscordEndpoints(this IEndpointRouteBuilder app) => app.MapPost("/discord/interactions", InteractionsAsync);

    private static async Task<IResult> InteractionsAsync(
        HttpRequest request,
        HttpInteractionEndpoint endpoint,
        IOptions<DiscordOptions> options,
        DeferredReplies deferred)
    {
        if (options.Value.EffectiveMode != DiscordMode.Http)
        {
            return Json(404, "Discord HTTP interactions are off (set Discord:Mode to Http).");
        }

        if (request.ContentLength > HttpInteractionEndpoint.MaxBodyBytes)
        {
            return Json(413, "The body is larger than 64 KB.");
        }

        var body = await RequestBody.ReadLimitedAsync(request, HttpInteractionEndpoint.MaxBodyBytes, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Json(413, "The body is larger than 64 KB.");
        }

        // The reply may finish after this request (a deferral): it runs on the service's lifetime, not the
        // request's (drained at shutdown), and edits the deferral only once this response has gone out.
        var sent = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        request.HttpContext.Response.OnCompleted(() =>
        {
            sent.TrySetResult(true);
            return Task.CompletedTask;
        });
        request.HttpContext.RequestAborted.Register(() => sent.TrySetResult(false));
        var result = await endpoint.HandleAsync(
            body,
            request.Headers["X-Signature-Ed25519"].ToString(),
            request.Headers["X-Signature-Timestamp"].ToString(),
            sent.Task,
            deferred.Stopping).ConfigureAwait(false);
        return Results.Text(result.Json ?? [], "application/json", result.StatusCode);
    }

    private static IResult Json(int status, string message) =>
        Results.Json(new ErrorResponse(message), HostJsonContext.Default.ErrorResponse, statusCode: status);
}
