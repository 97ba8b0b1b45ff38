using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Discord.Commands;

namespace IncidentBot.Discord.Tests.Unit.Commands;

public sealed class CommandRegistrarMatchesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Matches_SameList_IsTrue(bool guild)
    {
        var desired = CommandDefinitions.Build(guild);

        Assert.True(CommandRegistrar.Matches(desired, CommandDefinitions.Build(guild)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Matches_ListAsDiscordReturnsIt_IsTrue(bool guild)
    {
        Assert.True(CommandRegistrar.Matches(CommandDefinitions.Build(guild), AsDiscordReturnsIt(guild)));
    }

    [Fact]
    public void Matches_ExplicitRequiredFalseAndEmptyOptionLists_IsTrue()
    {
        var existing = Mutate(guild: false, list =>
        {
            var sources = Find(list, "sources");
            sources["options"] = new JsonArray();
            sources["default_member_permissions"] = null;
        });

        Assert.True(CommandRegistrar.Matches(CommandDefinitions.Build(false), existing));
    }

    public static TheoryData<string, Action<JsonArray>> Differences => new()
    {
        { "ask description", list => Find(list, "ask")["description"] = "Ask anything" },
        { "question description", list => Option(list, "ask", "question")["description"] = "Your question" },
        { "question max_length", list => Option(list, "ask", "question")["max_length"] = 300 },
        { "question no longer required", list => Option(list, "ask", "question").Remove("required") },
        { "private now required", list => Option(list, "ask", "private")["required"] = true },
        { "private option type", list => Option(list, "ask", "private")["type"] = 3 },
        { "private option missing", list => ((JsonArray)Find(list, "ask")["options"]!).RemoveAt(1) },
        { "extra option", list => Find(list, "ask")["options"]!.AsArray().Add(new JsonObject { ["type"] = 5, ["name"] = "all", ["description"] = "All" }) },
        { "option renamed", list => Option(list, "reindex", "force")["name"] = "full" },
        { "reindex permission", list => Find(list, "reindex")["default_member_permissions"] = "8" },
        { "reindex permission missing", list => Find(list, "reindex").Remove("default_member_permissions") },
        { "sources gained a permission", list => Find(list, "sources")["default_member_permissions"] = "32" },
        { "contexts differ", list => Find(list, "reindex")["contexts"] = new JsonArray(0, 1) },
        { "command type", list => Find(list, "sources")["type"] = 3 },
        { "command missing", list => list.RemoveAt(2) },
        { "extra command", list => list.Add(new JsonObject { ["name"] = "status", ["type"] = 1, ["description"] = "Status" }) },
        { "command renamed", list => Find(list, "sources")["name"] = "documents" },
        { "duplicate name instead of another", list => Find(list, "sources")["name"] = "ask" },
    };

    [Theory]
    [MemberData(nameof(Differences))]
    public void Matches_OneDifference_IsFalse(string difference, Action<JsonArray> change)
    {
        var existing = Mutate(guild: false, change);

        Assert.False(CommandRegistrar.Matches(CommandDefinitions.Build(false), existing), difference);
    }

    [Fact]
    public void Matches_OptionsPresentWhereNoneDesired_IsFalse()
    {
        var existing = Mutate(guild: false, list => Find(list, "sources")["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "q", ["description"] = "q" }));

        Assert.False(CommandRegistrar.Matches(CommandDefinitions.Build(false), existing));
    }

    [Fact]
    public void Matches_GlobalListAgainstGuildDefinition_IsFalse()
    {
        Assert.False(CommandRegistrar.Matches(CommandDefinitions.Build(guild: true), CommandDefinitions.Build(guild: false)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"message":"401: Unauthorized","code":0}""")]
    [InlineData("""[1, 2, 3]""")]
    [InlineData("""[{"name": 1}, {"name": 2}, {"name": 3}]""")]
    [InlineData("""[{}, {}, {}]""")]
    public void Matches_NotACommandList_IsFalse(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(CommandRegistrar.Matches(CommandDefinitions.Build(false), document.RootElement));
    }

    /// <summary>Our list as GET …/commands returns it: ids, versions, defaults, localizations, reordered.</summary>
    private static JsonElement AsDiscordReturnsIt(bool guild)
    {
        var list = JsonNode.Parse(CommandDefinitions.Build(guild).GetRawText())!.AsArray();
        var decorated = new JsonArray();
        var id = 1_234_567_890_123_456_700L;
        foreach (var item in list.Reverse().Select(n => n!.DeepClone().AsObject()))
        {
            item["id"] = (id++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            item["application_id"] = "290926444748734465";
            item["version"] = "1300000000000000000";
            item["nsfw"] = false;
            item["integration_types"] = new JsonArray(0);
            item["dm_permission"] = true;
            item["name_localizations"] = null;
            item["description_localizations"] = null;
            item.TryAdd("default_member_permissions", null);
            if (guild)
            {
                item["guild_id"] = "290926798626357999";
                item["contexts"] = null;
            }

            if (item["options"] is JsonArray options)
            {
                foreach (var option in options.Select(o => o!.AsObject()))
                {
                    option.TryAdd("required", false);
                    option["name_localizations"] = null;
                    option["description_localizations"] = null;
                }
            }

            decorated.Add(item);
        }

        return Element(decorated);
    }

    private static JsonElement Mutate(bool guild, Action<JsonArray> change)
    {
        var list = JsonNode.Parse(AsDiscordReturnsIt(guild).GetRawText())!.AsArray();
        change(list);
        return Element(list);
    }

    private static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static JsonObject Find(JsonArray list, string name) =>
        list.Select(n => n!.AsObject()).First(c => (string?)c["name"] == name);

    private static JsonObject Option(JsonArray list, string command, string option) =>
        Find(list, command)["options"]!.AsArray().Select(n => n!.AsObject()).First(o => (string?)o["name"] == option);
}
