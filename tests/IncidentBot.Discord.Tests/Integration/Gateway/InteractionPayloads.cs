using System.Text.Json.Nodes;
using IncidentBot.Discord.Tests.Fakes;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>
/// Interaction objects (the <c>d</c> of INTERACTION_CREATE) built from the documented slash-command sample
/// (<c>Samples/discord_interaction_slash_command.json</c>) with a fresh snowflake id, a unique token and this
/// fake's application id.
/// </summary>
internal static class InteractionPayloads
{
    private static readonly Lazy<string> Sample = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "discord_interaction_slash_command.json")));

    /// <summary><c>/ask question:&lt;question&gt;</c>.</summary>
    public static JsonObject Ask(FakeDiscord fake, string question) =>
        Command(fake, "ask", new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "question", ["value"] = question }));

    /// <summary><c>/reindex force:true</c> by a member with <paramref name="permissions"/> (32 = Manage Server).</summary>
    public static JsonObject Reindex(FakeDiscord fake, string permissions) =>
        Command(fake, "reindex", new JsonArray(new JsonObject { ["type"] = 5, ["name"] = "force", ["value"] = true }), permissions);

    /// <summary>A type-2 interaction for command <paramref name="name"/>.</summary>
    public static JsonObject Command(FakeDiscord fake, string name, JsonArray options, string? permissions = null)
    {
        ArgumentNullException.ThrowIfNull(fake);
        var interaction = JsonNode.Parse(Sample.Value)!.AsObject();
        interaction["id"] = Snowflake.Next();
        interaction["token"] = "interaction-token-" + Guid.NewGuid().ToString("N");
        interaction["application_id"] = fake.ApplicationId;
        interaction["version"] = 1;
        var data = interaction["data"]!.AsObject();
        data["name"] = name;
        data["options"] = options;
        if (permissions is not null)
        {
            interaction["member"]!["permissions"] = permissions;
        }

        return interaction;
    }
}
