using System.Net;
using IncidentBot.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace IncidentBot.Browser.Tests;

/// <summary>
/// One running service (real Kestrel on loopback, a real index of a temp copy of the fixture seeds) and one
/// headless Chromium, shared by the playground tests; each test opens its own browser context.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public const string AdminKey = "playground-admin-key-7c2e";

    /// <summary>A document whose text looks like markup: the page must show it as text.</summary>
    public const string MarkupDocument = "markup-note.txt";

    public const string MarkupText = "<img src=x onerror=\"document.title='pwned'\"> lighthouse keeper";

    private const string DefaultChromium = "/usr/bin/chromium";

    private readonly List<IBrowserContext> _contexts = [];
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ibbrowser-" + Guid.NewGuid().ToString("N"));

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>INCIDENTBOT_ARTIFACTS</c> (CI sets it), else beside the test binaries.</summary>
    public static string ArtifactsPath =>
        Environment.GetEnvironmentVariable("INCIDENTBOT_ARTIFACTS") is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        var seeds = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds")))
        {
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(seeds, MarkupDocument), $"The note reads {MarkupText} logged the gale at night.\n");

        _app = ServiceApp.Build("http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["Seeds:Path"] = seeds,
            ["Seeds:Watch"] = "false",
            ["Index:Path"] = Path.Combine(Root, "index"),
            ["Data:Path"] = Path.Combine(Root, "data", "incidentbot.db"),
            ["Admin:ApiKey"] = AdminKey,
            ["Discord:Mode"] = "Off",
        });
        await _app.StartAsync();
        Address = new Uri(_app.Urls.Single());
        await WaitUntilReadyAsync();

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : DefaultChromium;

        // Fail, never skip: a browser test that silently does not run proves nothing.
        Assert.True(File.Exists(chromium), $"{chromium} is missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,

            // Playwright's own download location is not used (no internet); the sandbox needs a non-root user.
            Args = ["--no-sandbox", "--disable-gpu"],
        });
    }

    /// <summary>A fresh page (own cookies and storage) at the given viewport size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();

        // Everything here answers in milliseconds; a missing element should fail fast, not after 30 s.
        page.SetDefaultTimeout(10_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the service did not become ready");
            await Task.Delay(100);
        }
    }
}
