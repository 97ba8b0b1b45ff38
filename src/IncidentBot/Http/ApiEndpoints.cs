using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentBot.Configuration;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Feedback;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Telemetry;
using IncidentBot.Core.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IncidentBot.Http;

/// <summary>The HTTP API: ask, sources, reindex and gaps (admin).</summary>
internal static class ApiEndpoints
{
    /// <summary>The platform tag of questions asked over the HTTP API (metrics, question log).</summary>
    private const string Platform = "http";

    private const string AsOfError = "as_of must be one date written YYYY-MM-DD.";

    public static void MapIncidentBotApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ask", AskAsync);
        app.MapGet("/api/sources", (SourceCatalog catalog, IncidentIndex index) => index.IsReady
            ? (IResult)TypedResults.Json(catalog.List(), HostJsonContext.Default.IReadOnlyListSourceInfo)
            : Error(503, "The index is still being built; try again in a moment."));
        app.MapPost("/api/reindex", ReindexAsync);
        app.MapGet("/api/gaps", GapsAsync);
        app.MapGet("/api/timeline", Timeline);
    }

    /// <summary>Query values are read by hand so that repeated or malformed parameters become a 400, not a binding failure.</summary>
    private static async Task<IResult> AskAsync(HttpRequest request, AnswerEngine engine, ConversationStore store, QuestionLog log, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var query = request.Query;
        if (query["q"].Count > 1)
        {
            log.Rejected(Platform, QuestionLog.InvalidReason, Stopwatch.GetElapsedTime(started), null);
            return Error(400, "Give the question once, as ?q=…");
        }

        if (!TryReadNumber(request, "top", AnswerEngine.DefaultCitations, AnswerEngine.MaxCitations, out var top))
        {
            log.Rejected(Platform, QuestionLog.InvalidReason, Stopwatch.GetElapsedTime(started), null);
            return Error(400, $"top must be a whole number from 1 to {AnswerEngine.MaxCitations}.");
        }

        if (!TryReadAsOf(request, out var asOf))
        {
            log.Rejected(Platform, QuestionLog.InvalidReason, Stopwatch.GetElapsedTime(started), null);
            return Error(400, AsOfError);
        }

        AskResult result;
        try
        {
            result = engine.Ask(query["q"].ToString(), top, asOf);
        }
        catch (Exception e)
        {
            log.Failed(Platform, Stopwatch.GetElapsedTime(started), e);
            throw;
        }

        if (result.IsSuccess)
        {
            // Recorded like chat questions (without any user: HTTP callers are anonymous), so questions typed
            // into the API or the playground show up in the gaps report too.
            var answer = result.Answer;
            var cited = answer.Citations.Count > 0 ? answer.Citations[0] : null;
            await store.RecordAskAsync(new AskRecord(Platform, "-", answer.Question, answer.Answered, cited?.Source, cited?.Paragraph), ct).ConfigureAwait(false);
            log.Answered(Platform, answer, Stopwatch.GetElapsedTime(started));
            return TypedResults.Json(answer, AnswerJsonContext.Default.Answer);
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
        if (RefuseNonAdmin(request, admin.Value, "Reindexing over HTTP") is { } refused)
        {
            return refused;
        }

        var force = request.Query["force"].ToString() is "true" or "1";
        var result = await index.ReindexAsync(force, lifetime.ApplicationStopping).ConfigureAwait(false);
        var body = new ReindexResponse(
            result.Status.ToString().ToLowerInvariant(),
            result.Index,
            Math.Round(result.Elapsed.TotalMilliseconds, 1),
            result.Warnings,
            result.Error,
            result.Golden);
        return TypedResults.Json(body, HostJsonContext.Default.ReindexResponse, statusCode: StatusFor(result.Failure));
    }

    /// <summary><c>GET /api/timeline[?as_of=YYYY-MM-DD]</c>: the dated events, oldest first (only from documents dated on or before as_of).</summary>
    private static IResult Timeline(HttpRequest request, IncidentIndex index, IncidentTimeline timeline)
    {
        if (!TryReadAsOf(request, out var asOf))
        {
            return Error(400, AsOfError);
        }

        return index.IsReady
            ? TypedResults.Json(TimelineResponse.From(timeline.Build(asOf), asOf), HostJsonContext.Default.TimelineResponse)
            : Error(503, "The index is still being built; try again in a moment.");
    }

    /// <summary><c>GET /api/gaps?days=N&amp;top=N</c>: the gaps report (admins only: it shows what people asked).</summary>
    private static async Task<IResult> GapsAsync(HttpRequest request, IOptions<AdminOptions> admin, GapFinder gaps, CancellationToken ct)
    {
        if (RefuseNonAdmin(request, admin.Value, "The gaps report over HTTP") is { } refused)
        {
            return refused;
        }

        if (!TryReadNumber(request, "days", GapFinder.DefaultDays, GapFinder.MaxDays, out var days) || !TryReadNumber(request, "top", GapFinder.DefaultTop, GapFinder.MaxTop, out var top))
        {
            return Error(400, $"days must be a whole number from 1 to {GapFinder.MaxDays}, top from 1 to {GapFinder.MaxTop}.");
        }

        var report = await gaps.FindAsync(days, top, ct).ConfigureAwait(false);
        return report is null
            ? Error(503, "The question store cannot be read; see the service log.")
            : TypedResults.Json(report, HostJsonContext.Default.GapReport);
    }

    /// <summary>A 403 when admin actions are off (no key configured), a 401 without the right key, else null.</summary>
    private static JsonHttpResult<ErrorResponse>? RefuseNonAdmin(HttpRequest request, AdminOptions admin, string what)
    {
        if (!admin.IsEnabled)
        {
            return Error(403, $"{what} is disabled: no Admin:ApiKey is configured.");
        }

        return IsAuthorized(request, admin.ApiKey) ? null : Error(401, "A valid 'Authorization: Bearer <admin key>' header is required.");
    }

    /// <summary>An optional <c>as_of=YYYY-MM-DD</c>, given at most once; null when absent.</summary>
    private static bool TryReadAsOf(HttpRequest request, out DateOnly? asOf)
    {
        var values = request.Query["as_of"];
        asOf = null;
        if (values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1 || !AsOfFilter.TryParse(values.ToString(), out var parsed))
        {
            return false;
        }

        asOf = parsed;
        return true;
    }

    /// <summary>An optional whole-number query value from 1 to <paramref name="max"/>, given at most once.</summary>
    private static bool TryReadNumber(HttpRequest request, string name, int fallback, int max, out int value)
    {
        var values = request.Query[name];
        value = fallback;
        return values.Count == 0
            || (values.Count == 1 && int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max);
    }

    /// <summary>Expected failures get the status that says who must act; only a broken build is a 500.</summary>
    private static int StatusFor(ReindexFailure failure) => failure switch
    {
        ReindexFailure.None => 200,
        ReindexFailure.Locked => 409,

        // The request is fine; the state of the documents conflicts with the golden questions (force overrides).
        ReindexFailure.GoldenQuestions => 409,
        ReindexFailure.SeedsUnavailable or ReindexFailure.GoldenQuestionsUnreadable => 422,
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
