using System.Net;
using System.Text.Json;
using IncidentBot.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The real service (<see cref="ServiceApp.Build"/>) on a free loopback port with its own temp index,
/// and an <see cref="HttpClient"/> pointed at it. One per test; disposing stops it and deletes the index.
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly TempDirectory _temp;

    private RunningService(WebApplication app, TempDirectory temp, LogCapture log, string indexPath, string? dataPath, Uri address)
    {
        _app = app;
        _temp = temp;
        Log = log;
        IndexPath = indexPath;
        DataPath = dataPath;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string IndexPath { get; }

    /// <summary>Data:Path as given to the service (the SQLite file of questions and votes).</summary>
    public string? DataPath { get; }

    /// <summary>The service's own temp folder (index, SQLite file), deleted on dispose.</summary>
    public string TempRoot => _temp.Root;

    /// <summary>Everything the service logged, from before it started.</summary>
    public LogCapture Log { get; }

    /// <summary>True once the host has been asked to stop (nothing but disposal may do that).</summary>
    public bool IsStopping => _app.Lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>The service's own container, to reach what only the process itself can report (connection health).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the service and, unless told otherwise, waits for /readyz 200.</summary>
    /// <param name="seeds">Seeds:Path; the main fixture folder when null.</param>
    /// <param name="apiKey">Admin:ApiKey; empty (the default) disables reindexing over HTTP, whatever the environment says.</param>
    /// <param name="waitUntilReady">False to return as soon as the server listens.</param>
    /// <param name="indexPath">Index:Path; a fresh folder in the service's temp directory when null.</param>
    /// <param name="settings">
    /// More settings, merged over the defaults (which keep every test off the repository's files and off
    /// Discord: <c>Data:Path</c> is a file in the service's temp directory, <c>Discord:Mode</c> is Off).
    /// </param>
    public static async Task<RunningService> StartAsync(
        string? seeds = null,
        string apiKey = "",
        bool waitUntilReady = true,
        string? indexPath = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var temp = new TempDirectory();
        indexPath ??= temp.Index;
        var overrides = new Dictionary<string, string?>
        {
            ["Seeds:Path"] = seeds ?? TestSeeds.Main,
            ["Index:Path"] = indexPath,
            ["Admin:ApiKey"] = apiKey,

            // The default (data/incidentbot.db) is under the repository root: never touch it from a test.
            ["Data:Path"] = temp.Combine(Path.Combine("data", "incidentbot.db")),

            // A Discord token in the environment must not start a gateway (or command registration) in a test.
            ["Discord:Mode"] = "Off",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = ServiceApp.Build("http://127.0.0.1:0", overrides);
        RunningService? service = null;
        try
        {
            // Before StartAsync, so the index lifecycle's first lines are captured too.
            var log = new LogCapture();
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
            using var cts = new CancellationTokenSource(ReadyTimeout);
            await app.StartAsync(cts.Token);
            service = new RunningService(app, temp, log, indexPath, overrides["Data:Path"], new Uri(app.Urls.Single()));
            if (waitUntilReady)
            {
                await service.WaitUntilReadyAsync();
            }

            return service;
        }
        catch
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
            else
            {
                await app.DisposeAsync();
                temp.Dispose();
            }

            throw;
        }
    }

    /// <summary>GET and parse the JSON body; the status is returned for the caller to assert.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(string pathAndQuery)
    {
        using var response = await Client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    /// <summary>POST /api/reindex with a raw Authorization header (none when null).</summary>
    public async Task<HttpResponseMessage> PostReindexAsync(string? authorization, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/reindex" + query, UriKind.Relative));
        if (authorization is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Authorization", authorization));
        }

        return await Client.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.Content.Headers.ContentType?.MediaType == "application/json",
            $"{(int)response.StatusCode} with content type {response.Content.Headers.ContentType}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>A 4xx/5xx body: exactly <c>{"error": "..."}</c> with a non-empty sentence.</summary>
    public static void AssertErrorBody(JsonElement body)
    {
        var property = Assert.Single(body.EnumerateObject());
        Assert.Equal("error", property.Name);
        Assert.False(string.IsNullOrWhiteSpace(property.Value.GetString()));
    }

    /// <summary>Stops the host as SIGTERM does (disposal does it too; calling both is fine).</summary>
    public async Task StopAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();

        await _app.DisposeAsync();
        _temp.Dispose();
    }

    /// <summary>Polls /readyz until it answers 200 (fails the test after the ready timeout).</summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            using (var response = await Client.GetAsync(new Uri("/readyz", UriKind.Relative)))
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"/readyz did not turn 200 within {ReadyTimeout}.");
            await Task.Delay(50);
        }
    }
}
