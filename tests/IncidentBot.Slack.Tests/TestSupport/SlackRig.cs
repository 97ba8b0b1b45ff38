using IncidentBot.Slack.Api;
using IncidentBot.Slack.Commands;
using IncidentBot.Slack.Http;
using IncidentBot.Slack.SocketMode;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Slack.Tests.TestSupport;

/// <summary>
/// A real <see cref="SlackResponder"/> (and <see cref="SlackHttpEndpoint"/>, <see cref="SocketEnvelopeHandler"/>) over
/// a real handler, with Web API calls and <c>response_url</c> posts going to a <see cref="RecordingHttpHandler"/> and
/// time on a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class SlackRig : IDisposable
{
    public const string ApiBase = "https://slack.test/api/";

    private readonly HttpClient _http;

    public SlackRig(IndexHarness harness, Action<SlackOptions>? configure = null, FakeTimeProvider? time = null)
    {
        Time = time ?? FakeClock.Create();
        Http = new RecordingHttpHandler(Time) { Respond = (_, _) => RecordingHttpHandler.Json(System.Net.HttpStatusCode.OK, """{"ok":true}""") };
        _http = new HttpClient(Http) { BaseAddress = new Uri(ApiBase) };
        Options = IndexHarness.CreateOptions(configure);
        Handler = harness.CreateHandler(Options);
        Background = new SlackBackgroundWork(NullLogger<SlackBackgroundWork>.Instance);
        Api = new SlackApiClient(_http, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<SlackApiClient>.Instance);
        Responder = new SlackResponder(Handler, Api, Background, Time, NullLogger<SlackResponder>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public RecordingHttpHandler Http { get; }

    public SlackOptions Options { get; }

    public SlackCommandHandler Handler { get; }

    public SlackBackgroundWork Background { get; }

    public SlackApiClient Api { get; }

    public SlackResponder Responder { get; }

    /// <summary>The requests posted to <paramref name="url"/>.</summary>
    public IReadOnlyList<SeenRequest> PostsTo(string url) =>
        [.. Http.Requests.Where(r => r.Method == HttpMethod.Post && r.Uri.AbsoluteUri == url)];

    public SlackHttpEndpoint CreateEndpoint() =>
        new(Responder, Background, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<SlackHttpEndpoint>.Instance);

    public SocketEnvelopeHandler CreateEnvelopeHandler() =>
        new(Responder, Api, Background, Time, NullLogger<SocketEnvelopeHandler>.Instance);

    /// <summary>Waits (real time, bounded) until no reply is running in the background, without cancelling anything.</summary>
    public Task WaitForBackgroundAsync() => FakeClock.WaitUntilAsync(() => Background.Count == 0, "the background replies finished");

    public void Dispose()
    {
        Background.Dispose();
        _http.Dispose();
    }
}
