using IncidentBot.Discord.Http;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Discord.Tests.TestSupport;

/// <summary>
/// A real <see cref="InteractionResponder"/> (and <see cref="HttpInteractionEndpoint"/>) over a real handler, with
/// REST calls going to a <see cref="RecordingHttpHandler"/> and time on a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class ResponderRig : IDisposable
{
    public const string ApiBase = "https://discord.test/api/v10/";

    private readonly HttpClient _http;

    public ResponderRig(IndexHarness harness, Action<DiscordOptions>? configure = null)
    {
        Time = FakeClock.Create();
        Http = new RecordingHttpHandler(Time);
        _http = new HttpClient(Http) { BaseAddress = new Uri(ApiBase) };
        Options = new DiscordOptions { ApplicationId = TestInteractions.ApplicationId };
        configure?.Invoke(Options);
        Handler = harness.CreateHandler(configure);
        Deferred = new DeferredReplies(NullLogger<DeferredReplies>.Instance);
        Responder = new InteractionResponder(
            Handler,
            new DiscordRestClient(_http, NullLogger<DiscordRestClient>.Instance),
            Deferred,
            Microsoft.Extensions.Options.Options.Create(Options),
            Time,
            NullLogger<InteractionResponder>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public RecordingHttpHandler Http { get; }

    public DiscordOptions Options { get; }

    public InteractionHandler Handler { get; }

    public DeferredReplies Deferred { get; }

    public InteractionResponder Responder { get; }

    /// <summary>The HTTP endpoint over this rig's responder (public key from the options).</summary>
    public HttpInteractionEndpoint CreateEndpoint() =>
        new(Responder, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<HttpInteractionEndpoint>.Instance);

    public void Dispose() => _http.Dispose();
}
