using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// The response_url receiver (<c>POST /hooks/commands/…</c> and <c>/hooks/actions/…</c>). Slack answers these
/// like incoming webhooks: plain text <c>ok</c> on success, a plain-text error word otherwise.
/// Unknown URL → 404 <c>no_service</c>; more than 30 minutes old → 404 <c>expired_url</c> (error word not
/// verified); a sixth post → 404 <c>used_url</c>; no JSON Content-Type or unparsable body → 400
/// <c>invalid_payload</c>; Block Kit limits broken → 400 <c>invalid_blocks</c>.
/// </summary>
internal static class ResponseUrlEndpoint
{
    public static bool Handles(PathString path) =>
        path.StartsWithSegments("/hooks/commands", StringComparison.Ordinal) || path.StartsWithSegments("/hooks/actions", StringComparison.Ordinal);

    public static async Task InvokeAsync(HttpContext context, FakeSlack fake, RecordedRequest request)
    {
        var now = fake.Time.GetUtcNow();
        if (!HttpMethods.IsPost(request.Method))
        {
            await ReplyAsync(context, StatusCodes.Status405MethodNotAllowed, "invalid_method");
            return;
        }

        var use = fake.ResponseUrls.Check(request.Path, now);
        if (use != ResponseUrlUse.Accepted)
        {
            var word = use switch
            {
                ResponseUrlUse.Expired => "expired_url",
                ResponseUrlUse.UsedUp => "used_url",
                _ => "no_service",
            };
            fake.AddViolation(request, $"response_url refused: {word}");
            await ReplyAsync(context, StatusCodes.Status404NotFound, word);
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            fake.AddViolation(request, $"Content-Type must be application/json, was '{context.Request.ContentType}'");
            await ReplyAsync(context, StatusCodes.Status400BadRequest, "invalid_payload");
            return;
        }

        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            fake.AddViolation(request, "body is not valid JSON");
            await ReplyAsync(context, StatusCodes.Status400BadRequest, "invalid_payload");
            return;
        }

        var verdict = BlockKitLimits.Check(body);
        foreach (var problem in verdict.Problems)
        {
            fake.AddViolation(request, problem);
        }

        if (verdict.Error is not null)
        {
            await ReplyAsync(context, StatusCodes.Status400BadRequest, verdict.Error);
            return;
        }

        if (!fake.ResponseUrls.TryUse(request.Path))
        {
            fake.AddViolation(request, "response_url refused: used_url");
            await ReplyAsync(context, StatusCodes.Status404NotFound, "used_url");
            return;
        }

        fake.AddResponsePost(new ResponsePost(fake.AbsoluteUrl(request.Path), body, now));
        await ReplyAsync(context, StatusCodes.Status200OK, "ok");
    }

    private static Task ReplyAsync(HttpContext context, int status, string word)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(word, context.RequestAborted);
    }
}
