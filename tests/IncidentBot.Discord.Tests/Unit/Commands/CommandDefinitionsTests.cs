using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Interactions;

namespace IncidentBot.Discord.Tests.Unit.Commands;

public sealed partial class CommandDefinitionsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_HoldsAskSourcesTimelineReindexAndGaps(bool guild)
    {
        var commands = CommandDefinitions.Build(guild);

        Assert.Equal(JsonValueKind.Array, commands.ValueKind);
        Assert.Equal(
            [CommandNames.Ask, CommandNames.Sources, CommandNames.Timeline, CommandNames.Reindex, CommandNames.Gaps],
            commands.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(commands.EnumerateArray(), c => Assert.Equal(1, c.GetProperty("type").GetInt32()));
    }

    [Fact]
    public void Build_Gaps_AdminOnlyWithAnOptionalBoundedDays()
    {
        var gaps = Command(CommandDefinitions.Build(guild: false), CommandNames.Gaps);

        Assert.Equal("32", gaps.GetProperty("default_member_permissions").GetString());
        Assert.Equal([0], gaps.GetProperty("contexts").EnumerateArray().Select(c => c.GetInt32()));
        var days = Assert.Single(gaps.GetProperty("options").EnumerateArray());
        Assert.Equal("days", days.GetProperty("name").GetString());
        Assert.Equal(4, days.GetProperty("type").GetInt32());
        Assert.Equal(1, days.GetProperty("min_value").GetInt32());
        Assert.Equal(Core.Feedback.GapFinder.MaxDays, days.GetProperty("max_value").GetInt32());
        Assert.False(days.TryGetProperty("required", out _));
    }

    [Fact]
    public void Build_Timeline_ForEveryoneWithAnOptionalAsOfDate()
    {
        var timeline = Command(CommandDefinitions.Build(guild: false), CommandNames.Timeline);

        Assert.False(timeline.TryGetProperty("default_member_permissions", out _));
        Assert.Equal([0, 1], Contexts(timeline));
        var asOf = Assert.Single(timeline.GetProperty("options").EnumerateArray());
        Assert.Equal("as_of", asOf.GetProperty("name").GetString());
        Assert.Equal(3, asOf.GetProperty("type").GetInt32());
        Assert.Equal("Only documents dated on or before YYYY-MM-DD", asOf.GetProperty("description").GetString());
        Assert.Equal("YYYY-MM-DD".Length, asOf.GetProperty("max_length").GetInt32());
        Assert.False(asOf.TryGetProperty("required", out _));
    }

    [Fact]
    public void Build_Ask_RequiredQuestionOf500_OptionalPrivateBooleanAndAsOfDate()
    {
        var ask = Command(CommandDefinitions.Build(guild: false), CommandNames.Ask);

        var options = ask.GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(3, options.Count);
        Assert.Equal("as_of", options[2].GetProperty("name").GetString());
        Assert.Equal(10, options[2].GetProperty("max_length").GetInt32());
        Assert.False(options[2].TryGetProperty("required", out _));
        var question = options[0];
        Assert.Equal("question", question.GetProperty("name").GetString());
        Assert.Equal(3, question.GetProperty("type").GetInt32());
        Assert.True(question.GetProperty("required").GetBoolean());
        Assert.Equal(500, question.GetProperty("max_length").GetInt32());
        var isPrivate = options[1];
        Assert.Equal("private", isPrivate.GetProperty("name").GetString());
        Assert.Equal(5, isPrivate.GetProperty("type").GetInt32());
        Assert.False(isPrivate.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.False(ask.TryGetProperty("default_member_permissions", out _));
    }

    [Fact]
    public void Build_Sources_HasNoOptionsAndNoPermission()
    {
        var sources = Command(CommandDefinitions.Build(guild: false), CommandNames.Sources);

        Assert.False(sources.TryGetProperty("options", out _));
        Assert.False(sources.TryGetProperty("default_member_permissions", out _));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_Reindex_NeedsManageServerAndTakesAnOptionalForce(bool guild)
    {
        var reindex = Command(CommandDefinitions.Build(guild), CommandNames.Reindex);

        Assert.Equal(JsonValueKind.String, reindex.GetProperty("default_member_permissions").ValueKind);
        Assert.Equal("32", reindex.GetProperty("default_member_permissions").GetString());
        var force = Assert.Single(reindex.GetProperty("options").EnumerateArray());
        Assert.Equal("force", force.GetProperty("name").GetString());
        Assert.Equal(5, force.GetProperty("type").GetInt32());
    }

    [Fact]
    public void Build_Global_HasContexts_AdminOnlyInServers()
    {
        var commands = CommandDefinitions.Build(guild: false);

        Assert.Equal([0, 1], Contexts(Command(commands, CommandNames.Ask)));
        Assert.Equal([0, 1], Contexts(Command(commands, CommandNames.Sources)));
        Assert.Equal([0, 1], Contexts(Command(commands, CommandNames.Timeline)));
        Assert.Equal([0], Contexts(Command(commands, CommandNames.Reindex)));
    }

    [Fact]
    public void Build_Guild_HasNoContexts()
    {
        Assert.All(CommandDefinitions.Build(guild: true).EnumerateArray(), c => Assert.False(c.TryGetProperty("contexts", out _)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_NamesAndDescriptions_FollowDiscordsRules(bool guild)
    {
        foreach (var command in CommandDefinitions.Build(guild).EnumerateArray())
        {
            AssertNameAndDescription(command);
            var options = command.TryGetProperty("options", out var list) ? list.EnumerateArray().ToList() : [];
            Assert.InRange(options.Count, 0, 25);
            Assert.Equal(options.Count, options.Select(o => o.GetProperty("name").GetString()).Distinct().Count());
            foreach (var option in options)
            {
                AssertNameAndDescription(option);
            }

            // Required options must come before optional ones.
            var required = options.Select(o => o.TryGetProperty("required", out var r) && r.GetBoolean()).ToList();
            Assert.Equal(required.OrderByDescending(r => r), required);
        }
    }

    [Fact]
    public void Build_Guild_IsTheGlobalListWithoutContexts()
    {
        var global = CommandDefinitions.Build(guild: false).EnumerateArray().Select(Strip).ToList();
        var guild = CommandDefinitions.Build(guild: true).EnumerateArray().Select(c => c.GetRawText()).ToList();

        Assert.Equal(global, guild);

        static string Strip(JsonElement command)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(command.GetRawText())!.AsObject();
            node.Remove("contexts");
            return node.ToJsonString();
        }
    }

    private static void AssertNameAndDescription(JsonElement item)
    {
        var name = item.GetProperty("name").GetString()!;
        Assert.Matches(NameRule(), name);
        Assert.Equal(name.ToLowerInvariant(), name);
        var description = item.GetProperty("description").GetString()!;
        Assert.InRange(description.Length, 1, 100);
    }

    private static JsonElement Command(JsonElement commands, string name) =>
        commands.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static IEnumerable<int> Contexts(JsonElement command) => command.GetProperty("contexts").EnumerateArray().Select(c => c.GetInt32());

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex NameRule();
}
