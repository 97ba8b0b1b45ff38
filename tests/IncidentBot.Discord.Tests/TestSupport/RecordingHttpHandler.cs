using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace IncidentBot.Discord.Tests.TestSupport;

/// <summary>One request seen by <see cref="RecordingHttpHandler"/>.</summary>
internal sealed record SeenRequest(HttpMethod Method, Uri Uri, string? Body, DateTimeOffset At);

/// <summary>
/// A stub at the bottom of an HTTP pipeline: records every request (method, absolute URI, body, time on
/// <see cref="Clock"/>) and answers with <see cref="Respond"/>, by default 204 for PATCH/POST and 200 <c>{}</c> otherwise.
/// </summary>
internal sealed class RecordingHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<SeenRequest> _requests = new();

    public RecordingHttpHandler(TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
    }

    public TimeProvider Clock { get; }

    /// <summary>The answer to request number n (0-based) of this handler.</summary>
    public Func<SeenRequest, int, HttpResponseMessage> Respond { get; set; } = (request, _) =>
        request.Method == HttpMethod.Get ? Json(HttpStatusCode.OK, "{}") : new HttpResponseMessage(HttpStatusCode.NoContent);

    public IReadOnlyList<SeenRequest> Requests => [.. _requests];

    public int Count => _requests.Count;

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var seen = new SeenRequest(request.Method, request.RequestUri!, body, Clock.GetUtcNow());
        int number;
        lock (_requests)
        {
            number = _requests.Count;
            _requests.Enqueue(seen);
        }

        var response = Respond(seen, number);
        response.RequestMessage = request;
        return response;
    }
}
