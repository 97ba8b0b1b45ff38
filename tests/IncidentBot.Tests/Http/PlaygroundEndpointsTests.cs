using System.Net;
using IncidentBot.Http;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Http;

/// <summary>
/// The playground's files as served (what the browser tests in IncidentBot.Browser.Tests then drive):
/// embedded, with a strict content security policy, announced at start-up, and possible to turn off.
/// </summary>
public sealed class PlaygroundEndpointsTests
{
    [Fact]
    public async Task Root_ServesThePageWithAStrictContentSecurityPolicy()
    {
        await using var service = await RunningService.StartAsync();

        using var response = await service.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"question\">", html, StringComparison.Ordinal);
        Assert.Contains("src=\"playground.js\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/playground.js", "text/javascript; charset=utf-8", "/api/ask")]
    [InlineData("/playground.css", "text/css; charset=utf-8", "mark")]
    public async Task Assets_ServedFromTheAssemblyWithTheirTypes(string path, string type, string content)
    {
        await using var service = await RunningService.StartAsync();

        using var response = await service.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.ToString());
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUpWithoutAnyChatPlatform_LogsThePlaygroundAddress()
    {
        await using var service = await RunningService.StartAsync();

        var line = await service.Log.WaitForAsync("No chat platform is configured");

        Assert.Contains("playground at " + service.Address, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_RootIsNotFoundAndTheApiStillAnswers()
    {
        await using var service = await RunningService.StartAsync(settings: new Dictionary<string, string?> { ["Playground:Enabled"] = "false" });

        using var page = await service.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var script = await service.Client.GetAsync(new Uri("/playground.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.GetJsonAsync("/api/sources")).Status);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5077", "http://127.0.0.1:5077/")]
    [InlineData("http://[::]:8080", "http://localhost:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/")]
    [InlineData("http://+:8080", "http://localhost:8080/")]
    [InlineData("http://*:80", "http://localhost/")]
    public void Browsable_WildcardHostsBecomeLocalhost(string listening, string expected)
    {
        Assert.Equal(expected, PlaygroundEndpoints.Browsable(listening));
    }
}
