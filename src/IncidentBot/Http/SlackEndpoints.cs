using IncidentBot.Slack;
using IncidentBot.Slack.Http;
using Microsoft.Extensions.Options;

namespace IncidentBot.Http;

/// <summary><c>POST /slack/commands</c> and <c>POST /slack/interactions</c>: Slack's HTTP delivery (Slack:SigningSecret set).</summary>
internal static class SlackEndpoints
{
    public static void MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/commands", (HttpRequest request, SlackHttpEndpoint endpoint, IOptions<SlackOptions> options) =>
            HandleAsync(request, options, (body, timestamp, signature) => endpoint.HandleCommandAsync(body, timestamp, signature)));
        app.MapPost("/slack/interactions", (HttpRequest request, SlackHttpEndpoint endpoint, IOptions<SlackOptions> options) =>
            HandleAsync(request, options, (body, timestamp, signature) => endpoint.HandleInteractionAsync(body, timestamp, signature)));
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        IOptions<SlackOptions> options,
        Func<byte[], string?, string?, Task<SlackHttpResult>> handle)
    {
        if (!options.Value.HttpEnabled)
        {
            return Json(404, "Slack HTTP endpoints are off (set Slack:SigningSecret).");
        }

        if (request.ContentLength > SlackHttpEndpoint.MaxBodyBytes)
        {
            return Json(413, "The body is larger than 64 KB.");
        }

        var body = await RequestBody.ReadLimitedAsync(request, SlackHttpEndpoint.MaxBodyBytes, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Json(413, "The body is larger than 64 KB.");
        }

        var result = await handle(body, request.Headers["X-Slack-Request-Timestamp"].ToString(), request.Headers["X-Slack-Signature"].ToString()).ConfigureAwait(false);
        return result.Body.Length == 0
            ? Results.StatusCode(result.StatusCode)
            : Results.Text(result.Body, result.ContentType, result.StatusCode);
    }

    private static IResult Json(int status, string message) =>
        Results.Json(new ErrorResponse(message), HostJsonContext.Default.ErrorResponse, statusCode: status);
}
