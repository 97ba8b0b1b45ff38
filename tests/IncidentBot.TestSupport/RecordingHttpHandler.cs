using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace IncidentBot.TestSupport;

/// <summary>
/// A stub at the bottom of an HTTP pipeline: records every request (method, absolute URI, body, content type,
/// Authorization header, time on <see cref="Clock"/>) and answers with <see cref="Respond"/>: by default 200
/// <c>{}</c> for GET and 204 otherwise (what Discord's REST API says on success); Slack's tests answer
/// <c>{"ok":true}</c> instead.
/// </summary>
public sealed class RecordingHttpHandler : HttpMessageHandler
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

    public static HttpResponseMessage Text(HttpStatusCode status, string text) =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var seen = new SeenRequest(
            request.Method,
            request.RequestUri!,
            body,
            request.Content?.Headers.ContentType?.MediaType,
            request.Headers.Authorization?.ToString(),
            Clock.GetUtcNow());
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
