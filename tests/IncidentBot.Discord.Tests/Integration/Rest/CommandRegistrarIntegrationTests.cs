using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Discord.Commands;

namespace IncidentBot.Discord.Tests.Integration.Rest;

/// <summary><see cref="CommandRegistrar"/> against the fake's command store (PROTOCOLS.md §4).</summary>
public sealed class CommandRegistrarIntegrationTests
{
    private const string GuildId = "1300000000000000099";

    [Fact]
    public async Task RegisterAsync_FirstRun_PutsTheFiveCommandsOnce()
    {
        await using var harness = await RestHarness.StartAsync();

        var result = await harness.Registrar.RegisterAsync(force: false, harness.Timeout);

        Assert.Equal(CommandRegistrationStatus.Registered, result.Status);
        Assert.Equal("global", result.Scope);
        Assert.Equal(5, result.Commands);
        Assert.Equal(1, harness.Fake.CommandPutCount);
        Assert.Single(harness.Fake.Requests, r => r.Method == "PUT" && r.Path == $"/api/v10/applications/{harness.Fake.ApplicationId}/commands");
        var commands = harness.Fake.GlobalCommands.ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["ask", "gaps", "reindex", "sources", "timeline"], commands.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("32", commands["reindex"].GetProperty("default_member_permissions").GetString());
        var question = commands["ask"].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "question");
        Assert.True(question.GetProperty("required").GetBoolean());
        Assert.Equal(500, question.GetProperty("max_length").GetInt32());
        Assert.Equal(3, question.GetProperty("type").GetInt32());
        Assert.Empty(harness.Fake.Violations);
    }

    [Fact]
    public async Task RegisterAsync_SecondRun_UnchangedAfterAGetWithoutAPut()
    {
        await using var harness = await RestHarness.StartAsync();
        await harness.Registrar.RegisterAsync(force: false, harness.Timeout);

        var result = await harness.Registrar.RegisterAsync(force: false, harness.Timeout);

        Assert.Equal(CommandRegistrationStatus.Unchanged, result.Status);
        Assert.Equal(1, harness.Fake.CommandPutCount);
        Assert.Equal(2, harness.Fake.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/commands", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RegisterAsync_Force_PutsAgain()
    {
        await using var harness = await RestHarness.StartAsync();
        await harness.Registrar.RegisterAsync(force: false, harness.Timeout);

        var result = await harness.Registrar.RegisterAsync(force: true, harness.Timeout);

        Assert.Equal(CommandRegistrationStatus.Registered, result.Status);
        Assert.Equal(2, harness.Fake.CommandPutCount);
    }

    [Fact]
    public async Task RegisterAsync_GuildIdSet_PutsToTheGuildRouteAndLeavesGlobalAlone()
    {
        await using var harness = await RestHarness.StartAsync(new Dictionary<string, string?> { ["Discord:GuildId"] = GuildId });

        var result = await harness.Registrar.RegisterAsync(force: false, harness.Timeout);
        var again = await harness.Registrar.RegisterAsync(force: false, harness.Timeout);

        Assert.Equal(CommandRegistrationStatus.Registered, result.Status);
        Assert.Equal($"server {GuildId}", result.Scope);
        Assert.Single(harness.Fake.Requests, r => r.Method == "PUT" && r.Path == $"/api/v10/applications/{harness.Fake.ApplicationId}/guilds/{GuildId}/commands");
        Assert.Equal(5, harness.Fake.GuildCommands(GuildId).Count);
        Assert.All(harness.Fake.GuildCommands(GuildId), c => Assert.False(c.TryGetProperty("contexts", out _))); // Guild commands take none.
        Assert.Empty(harness.Fake.GlobalCommands);
        Assert.Equal(CommandRegistrationStatus.Unchanged, again.Status);
        Assert.Equal(1, harness.Fake.CommandPutCount);
        Assert.Empty(harness.Fake.Violations);
    }

    [Fact]
    public async Task RegisterAsync_PutRefusedWith400_FailedWithDiscordsError()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Fake.EnqueueFailure("PUT", "/commands", 400, """{"message":"Invalid Form Body","code":50035,"errors":{}}""");

        var result = await harness.Registrar.RegisterAsync(force: false, harness.Timeout);

        Assert.Equal(CommandRegistrationStatus.Failed, result.Status);
        Assert.NotNull(result.Error);
        Assert.Contains("400", result.Error, StringComparison.Ordinal);
        Assert.Contains("50035", result.Error, StringComparison.Ordinal);
        Assert.Contains("Invalid Form Body", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, harness.Fake.CommandPutCount);
        Assert.Empty(harness.Fake.GlobalCommands);
    }

    [Fact]
    public async Task RegisterAsync_DiscordDecoratesAndReordersItsCopy_StillUnchanged()
    {
        await using var harness = await RestHarness.StartAsync();
        await harness.Registrar.RegisterAsync(force: false, harness.Timeout);
        var decorated = Decorate(harness.Fake.GlobalCommands, _ => { });
        harness.Fake.EnqueueFailure("GET", "/commands", 200, decorated);

        var result = await harness.Registrar.RegisterAsync(force: false, harness.Timeout);

        Assert.Equal(CommandRegistrationStatus.Unchanged, result.Status);
        Assert.Equal(1, harness.Fake.CommandPutCount);
    }

    [Fact]
    public async Task RegisterAsync_DiscordsCopyDiffers_RegistersAgain()
    {
        await using var harness = await RestHarness.StartAsync();
        await harness.Registrar.RegisterAsync(force: false, harness.Timeout);
        var older = Decorate(harness.Fake.GlobalCommands, command =>
        {
            if (command["name"]!.GetValue<string>() == "ask")
            {
                command["options"]![0]!["max_length"] = 300; // An older definition.
            }
        });
        harness.Fake.EnqueueFailure("GET", "/commands", 200, older);

        var result = await harness.Registrar.RegisterAsync(force: false, harness.Timeout);

        Assert.Equal(CommandRegistrationStatus.Registered, result.Status);
        Assert.Equal(2, harness.Fake.CommandPutCount);
    }

    /// <summary>
    /// The stored commands the way Discord's GET returns them: reversed order, and fields the bot never sent
    /// (localizations, nsfw, integration_types, an explicit <c>required: false</c>).
    /// </summary>
    private static string Decorate(IReadOnlyList<JsonElement> stored, Action<JsonObject> change)
    {
        var list = new JsonArray();
        foreach (var element in stored.Reverse())
        {
            var command = JsonNode.Parse(element.GetRawText())!.AsObject();
            command["nsfw"] = false;
            command["integration_types"] = new JsonArray(0);
            command["name_localizations"] = null;
            command["description_localizations"] = null;
            if (command["options"] is JsonArray options)
            {
                foreach (var option in options.Select(o => o!.AsObject()))
                {
                    option["name_localizations"] = null;
                    option["description_localizations"] = null;
                    if (option["required"] is null)
                    {
                        option["required"] = false;
                    }
                }
            }

            change(command);
            list.Add(command);
        }

        return list.ToJsonString();
    }
}
