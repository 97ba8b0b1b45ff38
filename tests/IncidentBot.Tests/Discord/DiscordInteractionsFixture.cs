using System.Text.Json.Nodes;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Discord;

/// <summary>
/// One service in Discord HTTP mode, shared by the tests of a class: its public key is the fixture's own
/// key pair, no bot token (nothing to register, nothing sent to Discord: the API base is a closed port).
/// </summary>
public sealed class DiscordInteractionsFixture : IAsyncLifetime
{
    public const string ApplicationId = "1100000000000000001";

    internal InteractionSigner Signer { get; } = new();

    internal RunningService Service { get; private set; } = null!;

    public async Task InitializeAsync() => Service = await RunningService.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Discord:Mode"] = "Http",
        ["Discord:ApplicationId"] = ApplicationId,
        ["Discord:PublicKey"] = Signer.PublicKeyHex,
        ["Discord:RegisterCommands"] = "false",
        ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
    });

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        Signer.Dispose();
    }

    /// <summary>PING, as Discord sends it to check the endpoint (discord-interactions-js test body).</summary>
    public static string Ping() =>
        $$"""{"id":"787053080478613555","application_id":"{{ApplicationId}}","token":"ThisIsATokenFromDiscordThatIsVeryLong","type":1,"version":1}""";

    /// <summary>
    /// A slash command in the shape of Discord's documented sample (application-commands.mdx, PROTOCOLS.md §2.3):
    /// a guild member with <paramref name="permissions"/>, and string options.
    /// </summary>
    public static string Command(string name, string permissions, params (string Name, string Value)[] options)
    {
        var interaction = new JsonObject
        {
            ["type"] = 2,
            ["token"] = "A_UNIQUE_TOKEN_" + Guid.NewGuid().ToString("N"),
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject
                {
                    ["id"] = "53908232506183680",
                    ["username"] = "Mason",
                    ["avatar"] = "a_d5efa99b3eeaa7dd43acca82f5692432",
                    ["discriminator"] = "1337",
                    ["public_flags"] = 131141,
                },
                ["roles"] = new JsonArray("539082325061836999"),
                ["premium_since"] = null,
                ["permissions"] = permissions,
                ["pending"] = false,
                ["nick"] = null,
                ["mute"] = false,
                ["joined_at"] = "2017-03-13T19:19:14.040000+00:00",
                ["is_pending"] = false,
                ["deaf"] = false,
            },
            ["id"] = "786008729715212338",
            ["application_id"] = ApplicationId,
            ["guild_id"] = "290926798626357999",
            ["app_permissions"] = "442368",
            ["guild_locale"] = "en-US",
            ["locale"] = "en-US",
            ["data"] = new JsonObject
            {
                ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["type"] = 3, ["name"] = o.Name, ["value"] = o.Value })]),
                ["type"] = 1,
                ["name"] = name,
                ["id"] = "771825006014889984",
            },
            ["channel_id"] = "645027906669510667",
            ["version"] = 1,
        };
        return interaction.ToJsonString();
    }
}
