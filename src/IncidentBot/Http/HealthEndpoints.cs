using IncidentBot.Core.Health;
using IncidentBot.Core.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentBot.Http;

/// <summary>
/// Liveness and readiness. <c>/healthz</c> is 200 while the process serves HTTP at all (restart it otherwise).
/// <c>/readyz</c> is 200 when it can do its job: an index is open (a rebuild in progress does not count
/// against it, the previous index answers), no configured chat connection has failed for good, and the
/// service is not shutting down (so a load balancer stops sending work before the drain).
/// </summary>
internal static class HealthEndpoints
{
    public static void MapIncidentBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (ConnectionHealth health) =>
            TypedResults.Json(new StatusResponse("alive", null, health.Connections), HostJsonContext.Default.StatusResponse));
        app.MapGet("/readyz", Ready);
    }

    private static JsonHttpResult<StatusResponse> Ready(IncidentIndex index, ConnectionHealth health, IHostApplicationLifetime lifetime)
    {
        var snapshot = index.Snapshot;
        var connections = health.Connections;
        var failed = health.Failed;
        var (status, reason) = lifetime.ApplicationStopping.IsCancellationRequested ? ("stopping", "The service is shutting down.")
            : snapshot is null ? ("starting", "No index is open yet: the first build is running or has failed (see the log).")
            : failed.Count > 0 ? ("failed", string.Join(" ", failed.Select(c => $"{c.Name}: {c.Detail}")))
            : ("ready", null);
        return TypedResults.Json(
            new StatusResponse(status, snapshot, connections, reason),
            HostJsonContext.Default.StatusResponse,
            statusCode: status == "ready" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
