using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>
/// The Socket Mode endpoint <c>/link/?ticket=…&amp;app_id=…</c>: a ticket from apps.connections.open is good
/// for one connection (PROTOCOLS.md §7.3); an unknown or used ticket, or another app id, gets HTTP 400 before
/// the upgrade. Accepted sockets become <see cref="FakeSocketConnection"/>s; the request stays open until the
/// connection ends.
/// </summary>
internal static class SocketEndpoint
{
    public static async Task AcceptAsync(HttpContext context, FakeSlack fake, RecordedRequest request)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var query = context.Request.Query;
        if (query["app_id"] != fake.AppId || !fake.Tickets.TryRedeem(query["ticket"]))
        {
            fake.AddViolation(request, "unknown or already used ticket: call apps.connections.open for every connection");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeSocketConnection(fake, socket, request.Query, context.Abort);
        fake.AddConnection(connection, request);
        var run = connection.RunAsync(fake.Stopping);
        if (fake.SendHelloOnConnect)
        {
            try
            {
                await connection.SendHelloAsync();
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client went away at once; the receive loop records how.
            }
        }

        await run;
    }
}
