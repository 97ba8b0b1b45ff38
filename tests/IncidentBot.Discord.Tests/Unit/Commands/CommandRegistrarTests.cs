using System.Net;
using System.Text.Json;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Discord.Tests.Unit.Commands;

/// <summary>Registration decisions against a recording stub standing in for Discord's command routes.</summary>
public sealed class CommandRegistrarTests : IDisposable
{
    private const string ApplicationId = "290926444748734465";

    private readonly RecordingHttpHandler _stub = new();
    private readonly HttpClient _http;

    public CommandRegistrarTests()
    {
        _http = new HttpClient(_stub) { BaseAddress = new Uri("https://discord.test/api/v10/") };
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task RegisterAsync_DiscordHasTheSameCommands_WritesNothing()
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, CommandDefinitions.Build(guild: false).GetRawText());

        var registration = await Registrar().RegisterAsync(force: false, CancellationToken.None);

        Assert.Equal(CommandRegistrationStatus.Unchanged, registration.Status);
        Assert.Equal("global", registration.Scope);
        Assert.Equal(5, registration.Commands);
        Assert.Equal(HttpMethod.Get, Assert.Single(_stub.Requests).Method);
    }

    [Fact]
    public async Task RegisterAsync_DiscordHasOtherCommands_OverwritesWithOurs()
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, "[]");

        var registration = await Registrar().RegisterAsync(force: false, CancellationToken.None);

        Assert.Equal(CommandRegistrationStatus.Registered, registration.Status);
        var put = _stub.Requests[^1];
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal($"/api/v10/applications/{ApplicationId}/commands", put.Uri.AbsolutePath);
        using var sent = JsonDocument.Parse(put.Body!);
        Assert.True(JsonElement.DeepEquals(CommandDefinitions.Build(guild: false), sent.RootElement));
    }

    [Fact]
    public async Task RegisterAsync_GuildConfigured_UsesTheGuildRouteAndDefinition()
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, "[]");

        var registration = await Registrar("290926798626357999").RegisterAsync(force: true, CancellationToken.None);

        Assert.Equal(CommandRegistrationStatus.Registered, registration.Status);
        Assert.Equal("server 290926798626357999", registration.Scope);
        var put = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal($"/api/v10/applications/{ApplicationId}/guilds/290926798626357999/commands", put.Uri.AbsolutePath);
        using var sent = JsonDocument.Parse(put.Body!);
        Assert.True(JsonElement.DeepEquals(CommandDefinitions.Build(guild: true), sent.RootElement));
    }

    [Fact]
    public async Task RegisterAsync_Force_SkipsTheComparison()
    {
        _stub.Respond = (_, _) => RecordingHttpHandler.Json(HttpStatusCode.OK, CommandDefinitions.Build(guild: false).GetRawText());

        var registration = await Registrar().RegisterAsync(force: true, CancellationToken.None);

        Assert.Equal(CommandRegistrationStatus.Registered, registration.Status);
        Assert.Equal(HttpMethod.Put, Assert.Single(_stub.Requests).Method);
    }

    [Fact]
    public async Task RegisterAsync_OverwriteRefused_FailsWithDiscordsError()
    {
        _stub.Respond = (request, _) => request.Method == HttpMethod.Get
            ? RecordingHttpHandler.Json(HttpStatusCode.OK, "[]")
            : RecordingHttpHandler.Json(HttpStatusCode.BadRequest, """{"code":50035,"message":"Invalid Form Body"}""");

        var registration = await Registrar().RegisterAsync(force: false, CancellationToken.None);

        Assert.Equal(CommandRegistrationStatus.Failed, registration.Status);
        Assert.Contains("50035", registration.Error, StringComparison.Ordinal);
        Assert.Contains("Invalid Form Body", registration.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_ReadFails_DoesNotOverwriteBlindly_AndSaysItMayPass()
    {
        _stub.Respond = (request, _) => request.Method == HttpMethod.Get
            ? RecordingHttpHandler.Json(HttpStatusCode.InternalServerError, "{}")
            : RecordingHttpHandler.Json(HttpStatusCode.OK, "[]");

        var registration = await Registrar().RegisterAsync(force: false, CancellationToken.None);

        Assert.Equal(CommandRegistrationStatus.Failed, registration.Status);
        Assert.True(registration.Retryable);
        Assert.DoesNotContain(_stub.Requests, r => r.Method == HttpMethod.Put);
    }

    private CommandRegistrar Registrar(string? guildId = null) => new(
        new DiscordRestClient(_http, NullLogger<DiscordRestClient>.Instance),
        Microsoft.Extensions.Options.Options.Create(new DiscordOptions { ApplicationId = ApplicationId, GuildId = guildId }),
        NullLogger<CommandRegistrar>.Instance);
}
