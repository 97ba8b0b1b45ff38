using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentBot.Configuration;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IncidentBot.Http;

/// <summary>The HTTP API: ask, sources, reindex (admin).</summary>
internal static class ApiEndpoints
{
    /// <summary>The platform tag of questions asked over the HTTP API (metrics, question log).</summary>
    private const string Platform = "http";

    public static void MapIncidentBotApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ask", Ask);
        app.MapGet("/api/sources", (SourceCatalog catalog, IncidentIndex index) => index.IsReady
            ? (IResult)TypedResults.Json(catalog.List(), HostJsonContext.Default.IReadOnlyListSourceInfo)
            : Error(503, "The index is still being built; try again in a moment."));
        app.MapPost("/api/reindex", ReindexAsync);
    }

    /// <summary>Query values are read by hand so that repeated or malformed parameters become a 400, not a binding failure.</summary>
    private static IResult Ask(HttpRequest request, AnswerEngine engine, QuestionLog log)
    {
        var started = Stopwatch.GetTimestamp();
        var query = request.Query;
        if (query["q"].Count > 1)
        {
            log.Rejected(Platform, QuestionLog.InvalidReason, Stopwatch.GetElapsedTime(started), null);
            return Error(400, "Give the question once, as ?q=…");
        }

        var top = AnswerEngine.DefaultCitations;
        if (query["top"].Count > 0 && (!int.TryParse(query["top"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > AnswerEngine.MaxCitations))
        {
            log.Rejected(Platform, QuestionLog.InvalidReason, Stopwatch.GetElapsedTime(started), null);
            return Error(400, $"top must be a whole number from 1 to {AnswerEngine.MaxCitations}.");
        }

        AskResult result;
        try
        {
            result = engine.Ask(query["q"].ToString(), top);
        }
        catch (Exception e)
        {
            log.Failed(Platform, Stopwatch.GetElapsedTime(started), e);
            throw;
        }

        if (result.IsSuccess)
        {
            log.Answered(Platform, result.Answer, Stopwatch.GetElapsedTime(started));
            return TypedResults.Json(result.Answer, AnswerJsonContext.Default.Answer);
        }

        var notReady = result.ErrorKind == AskErrorKind.NotReady;
        log.Rejected(Platform, notReady ? QuestionLog.NotReadyReason : QuestionLog.InvalidReason, Stopwatch.GetElapsedTime(started), query["q"].ToString());
        return Error(notReady ? 503 : 400, result.Error);
    }

    /// <remarks>
    /// The build runs on the application's stopping token, not the request's: a client that gives up
    /// waiting must not roll back a rebuild that is nearly done.
    /// </remarks>
    private static async Task<IResult> ReindexAsync(
        HttpRequest request, IOptions<AdminOptions> admin, IncidentIndex index, IHostApplicationLifetime lifetime)
    {
        if (!admin.Value.IsEnabled)
        {
            return Error(403, "Reindexing over HTTP is disabled: no Admin:ApiKey is configured.");
        }

        if (!IsAuthorized(request, admin.Value.ApiKey))
        {
            return Error(401, "A valid 'Authorization: Bearer <admin key>' header is required.");
        }

        var force = request.Query["force"].ToString() is "true" or "1";
        var result = await index.ReindexAsync(force, lifetime.ApplicationStopping).ConfigureAwait(false);
        var body = new ReindexResponse(
            result.Status.ToString().ToLowerInvariant(),
            result.Index,
            Math.Round(result.Elapsed.TotalMilliseconds, 1),
            result.Warnings,
            result.Error);
        return TypedResults.Json(body, HostJsonContext.Default.ReindexResponse, statusCode: StatusFor(result.Failure));
    }

    /// <summary>Expected failures get the status that says who must act; only a broken build is a 500.</summary>
    private static int StatusFor(ReindexFailure failure) => failure switch
    {
        ReindexFailure.None => 200,
        ReindexFailure.Locked => 409,
        ReindexFailure.SeedsUnavailable => 422,
        ReindexFailure.IndexUnavailable => 503,
        _ => 500,
    };

    /// <summary>Constant-time comparison so the key cannot be guessed from response timing.</summary>
    private static bool IsAuthorized(HttpRequest request, string apiKey)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(apiKey);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(expected));
    }

    private static JsonHttpResult<ErrorResponse> Error(int status, string message) =>
        TypedResults.Json(new ErrorResponse(message), HostJsonContext.Default.ErrorResponse, statusCode: status);
}
