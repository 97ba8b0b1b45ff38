using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Discord's JSON error bodies (<c>{"message", "code"}</c>, opcodes-and-status-codes.mdx) and a writer for them.
/// </summary>
internal static class DiscordErrors
{
    public static string Unauthorized => Error("401: Unauthorized", 0);

    public static string NotFound => Error("404: Not Found", 0);

    public static string MissingAccess => Error("Missing Access", 50001);

    public static string UnknownInteraction => Error("Unknown interaction", 10062);

    public static string AlreadyAcknowledged => Error("Interaction has already been acknowledged.", 40060);

    public static string UnknownWebhook => Error("Unknown Webhook", 10015);

    public static string UnknownMessage => Error("Unknown Message", 10008);

    public static string InvalidWebhookToken => Error("Invalid Webhook Token", 50027);

    public static string EmptyMessage => Error("Cannot send an empty message", 50006);

    public static string InvalidJson => Error("The request body contains invalid JSON.", 50109);

    public static string Error(string message, int code) =>
        new JsonObject { ["message"] = message, ["code"] = code }.ToJsonString(FakeJson.Options);

    /// <summary>
    /// 50035 with the nested <c>errors</c> tree Discord uses: each path segment is an object key and the
    /// leaf holds <c>_errors: [{code, message}]</c>.
    /// </summary>
    public static string InvalidFormBody(IEnumerable<FormError> errors)
    {
        var tree = new JsonObject();
        foreach (var error in errors)
        {
            var node = tree;
            foreach (var segment in error.Path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (node[segment] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[segment] = child;
                }

                node = child;
            }

            if (node["_errors"] is not JsonArray list)
            {
                list = [];
                node["_errors"] = list;
            }

            list.Add(new JsonObject { ["code"] = error.Code, ["message"] = error.Message });
        }

        return new JsonObject { ["message"] = "Invalid Form Body", ["code"] = 50035, ["errors"] = tree }.ToJsonString(FakeJson.Options);
    }

    /// <summary>The documented 429 body (rate-limits.mdx): <c>retry_after</c> is float seconds.</summary>
    public static string RateLimited(double retryAfterSeconds, bool global) => new JsonObject
    {
        ["message"] = "You are being rate limited.",
        ["retry_after"] = retryAfterSeconds,
        ["global"] = global,
    }.ToJsonString(FakeJson.Options);

    /// <summary>Writes <paramref name="body"/> (JSON unless a scripted Content-Type says otherwise).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        if (body.Length == 0)
        {
            return;
        }

        if (string.IsNullOrEmpty(context.Response.ContentType))
        {
            context.Response.ContentType = "application/json";
        }

        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Seconds with decimals, as Discord formats rate-limit values (<c>"1.000"</c>).</summary>
    public static string Seconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
