using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// The middleware every <c>/api</c> request goes through before its route: record the request,
/// add rate-limit headers, and answer with a scripted response when one matches. Also the shared
/// body helpers the routes use.
/// </summary>
internal static class RestPipeline
{
    public const string Prefix = "/api/v10";

    private const string BodyItem = "FakeDiscord.Body";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, FakeDiscord fake)
    {
        // Everything under /api is recorded, so a client calling the wrong version shows up in Requests.
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(
            context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty, headers, body);

        // reference.mdx:L112-L122: Discord wants "DiscordBot ($url, $versionNumber)"; Cloudflare may block others.
        if (request.Header("User-Agent")?.StartsWith("DiscordBot (", StringComparison.Ordinal) != true)
        {
            fake.AddViolation(request, "User-Agent must look like 'DiscordBot ($url, $versionNumber)'");
        }

        fake.Log.Add(request);

        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? request.Path;
        fake.RateLimits.Apply(context.Response.Headers, template, MajorParameter(context.Request.RouteValues), DateTimeOffset.UtcNow);

        if (fake.Scripted.TakeMatch(request.Method, request.Path) is { } scripted)
        {
            foreach (var (name, value) in scripted.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await DiscordErrors.WriteAsync(context, scripted.Status, scripted.Body);
            return;
        }

        context.Items[BodyItem] = body;
        await next(context);
    }

    public static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? string.Empty;

    /// <summary>
    /// Reads the body as JSON, or answers 400 and returns null: reference.mdx:L228-L249 requires a JSON
    /// Content-Type (else 50035), and unparsable JSON is 50109.
    /// </summary>
    public static async Task<JsonElement?> ReadJsonAsync(HttpContext context, FakeDiscord fake)
    {
        var body = context.Items[BodyItem] as string ?? string.Empty;
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var error = new FormError(string.Empty, "CONTENT_TYPE_INVALID", "Expected \"application/json\" content type");
            await RejectAsync(context, fake, [error]);
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            fake.AddViolation(context, "body is not valid JSON");
            await DiscordErrors.WriteAsync(context, StatusCodes.Status400BadRequest, DiscordErrors.InvalidJson);
            return null;
        }
    }

    /// <summary>Answers 400 "Invalid Form Body" (50035) and records each error as a violation.</summary>
    public static async Task RejectAsync(HttpContext context, FakeDiscord fake, IReadOnlyList<FormError> errors)
    {
        foreach (var error in errors)
        {
            fake.AddViolation(context, error.ToString());
        }

        await DiscordErrors.WriteAsync(context, StatusCodes.Status400BadRequest, DiscordErrors.InvalidFormBody(errors));
    }

    /// <summary>Discord keys limits by the top-level resource: webhook token, guild, then application.</summary>
    private static string MajorParameter(RouteValueDictionary values) =>
        (values["token"] ?? values["guildId"] ?? values["appId"]) as string ?? string.Empty;
}
