using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace IncidentBot.Slack.Tests.TestSupport;

/// <summary>One request seen by <see cref="RecordingHttpHandler"/>.</summary>
internal sealed record SeenRequest(HttpMethod Method, Uri Uri, string? Body, string? ContentType, string? Authorization, DateTimeOffset At);

/// <summary>
/// A stub at the bottom of an HTTP pipeline: records every request (method, absolute URI, body, content type,
/// Authorization header, time on <see cref="Clock"/>) and answers with <see cref="Respond"/>, by default 200
/// <c>{"ok":true}</c> (what both the Web API and a <c>response_url</c> say on success).
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
    public Func<SeenRequest, int, HttpResponseMessage> Respond { get; set; } = (_, _) => Json(HttpStatusCode.OK, """{"ok":true}""");

    public IReadOnlyList<SeenRequest> Requests => [.. _requests];

    public int Count => _requests.Count;

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Text(HttpStatusCode status, string text) =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
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
