using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// The Web API under <c>/api/{method}</c>. As on Slack, API errors are HTTP 200 with
/// <c>{"ok":false,"error":"…"}</c>; only rate limiting is HTTP 429 (with <c>Retry-After</c>).
/// <c>apps.connections.open</c> wants the app-level token in <c>Authorization: Bearer</c> (a bot token gets
/// <c>not_allowed_token_type</c>); <c>auth.test</c> wants the bot token.
/// </summary>
internal static class WebApiEndpoint
{
    public const string Prefix = "/api";

    public static async Task InvokeAsync(HttpContext context, FakeSlack fake, RecordedRequest request)
    {
        var method = request.Path[(Prefix.Length + 1)..];
        if (!HttpMethods.IsPost(request.Method))
        {
            fake.AddViolation(request, "Web API methods are called with POST");
        }

        if (fake.Scripted.Take(method) is { } scripted)
        {
            if (scripted.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            await WriteAsync(context, Error(scripted.Error), scripted.Status);
            return;
        }

        var bearer = Bearer(request);
        if (request.Body.Contains("token=", StringComparison.Ordinal) && bearer is null)
        {
            fake.AddViolation(request, "token passed as a POST parameter; Slack wants the Authorization header");
        }

        var answer = method switch
        {
            "apps.connections.open" when bearer == fake.AppToken => new JsonObject
            {
                ["ok"] = true,
                ["url"] = $"ws://127.0.0.1:{fake.Port}/link/?ticket={fake.Tickets.Issue()}&app_id={fake.AppId}",
            },
            "apps.connections.open" when bearer is not null && bearer == fake.BotToken => Error("not_allowed_token_type"),
            "apps.connections.open" => Error("invalid_auth"),
            "auth.test" when bearer == fake.BotToken => AuthTest(fake),
            "auth.test" => Error("invalid_auth"),
            _ => Error("unknown_method"),
        };
        await WriteAsync(context, answer, StatusCodes.Status200OK);
    }

    private static JsonObject AuthTest(FakeSlack fake) => new()
    {
        ["ok"] = true,
        ["url"] = $"https://{SlackIdentity.TeamDomain}.slack.com/",
        ["team"] = "Test",
        ["user"] = "incidentbot",
        ["team_id"] = fake.TeamId,
        ["user_id"] = "U0BOT",
        ["bot_id"] = "B111",
    };

    private static string? Bearer(RecordedRequest request)
    {
        const string Scheme = "Bearer ";
        var header = request.Header("Authorization");
        return header is not null && header.StartsWith(Scheme, StringComparison.Ordinal) ? header[Scheme.Length..] : null;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static Task WriteAsync(HttpContext context, JsonObject body, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(FakeJson.Options), context.RequestAborted);
    }
}
