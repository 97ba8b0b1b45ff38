using System.Text.Json;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Tests.TestSupport;

namespace IncidentBot.Discord.Tests.Unit.Interactions;

public sealed class InteractionJsonTests
{
    /// <summary>The samples that are interaction objects (not gateway envelopes, not the partial docs excerpt).</summary>
    public static TheoryData<string> InteractionSamples => new(
        SampleFiles.Names("discord_interaction_*.json")
            .Where(name => !name.Contains("_dispatch_", StringComparison.Ordinal) && name != PartialDocsSample));

    public static TheoryData<string> DispatchSamples => new(SampleFiles.Names("discord_interaction_*_dispatch_*.json"));

    private const string PartialDocsSample = "discord_interaction_autocomplete_docs.json";

    [Fact]
    public void Samples_AreAllCovered()
    {
        // Guards the data-driven tests below against an empty sample folder.
        Assert.Equal(6, InteractionSamples.Count);
        Assert.Equal(2, DispatchSamples.Count);
    }

    [Theory]
    [MemberData(nameof(InteractionSamples))]
    public void Deserialize_InteractionSample_Parses(string name)
    {
        var interaction = JsonSerializer.Deserialize(SampleFiles.ReadBytes(name), DiscordJsonContext.Default.Interaction);

        Assert.NotNull(interaction);
        Assert.False(string.IsNullOrEmpty(interaction.Id));
        Assert.False(string.IsNullOrEmpty(interaction.Token));
        Assert.True(Enum.IsDefined(interaction.Type), $"type {interaction.Type}");
    }

    [Theory]
    [MemberData(nameof(DispatchSamples))]
    public void Deserialize_DispatchSampleData_Parses(string name)
    {
        var envelope = SampleFiles.ReadElement(name);
        Assert.Equal(0, envelope.GetProperty("op").GetInt32());
        Assert.Equal("INTERACTION_CREATE", envelope.GetProperty("t").GetString());

        var interaction = envelope.GetProperty("d").Deserialize(DiscordJsonContext.Default.Interaction);

        Assert.NotNull(interaction);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.False(string.IsNullOrEmpty(interaction.Token));
    }

    [Fact]
    public void ToString_NeverShowsTheToken()
    {
        var interaction = Read("discord_interaction_slash_command.json");

        var text = interaction.ToString();

        Assert.DoesNotContain("A_UNIQUE_TOKEN", text, StringComparison.Ordinal);
        Assert.Contains("786008729715212338", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SlashSample_ReadsInvokerPermissionsAndOptions()
    {
        var interaction = Read("discord_interaction_slash_command.json");

        Assert.Equal("786008729715212338", interaction.Id);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("A_UNIQUE_TOKEN", interaction.Token);
        Assert.Equal("290926798626357999", interaction.GuildId);
        Assert.Equal("645027906669510667", interaction.ChannelId);
        Assert.Equal("53908232506183680", interaction.Invoker?.Id);
        Assert.Equal("Mason", interaction.Invoker?.Username);
        Assert.Equal("2147483647", interaction.Member?.Permissions);
        Assert.Null(interaction.User);
        Assert.Equal("en-US", interaction.Locale);
        Assert.Equal("cardsearch", interaction.Data?.Name);
        Assert.Equal(1, interaction.Data?.Type);
        Assert.Equal("The Gitrog Monster", interaction.Data.GetString("cardname"));
    }

    [Fact]
    public void Deserialize_SlashDispatch_SameAsTheBareInteraction()
    {
        var bare = Read("discord_interaction_slash_command.json");
        var dispatched = SampleFiles.ReadElement("discord_interaction_create_slash_dispatch_composed.json")
            .GetProperty("d").Deserialize(DiscordJsonContext.Default.Interaction)!;

        Assert.Equal(bare.Id, dispatched.Id);
        Assert.Equal(bare.Token, dispatched.Token);
        Assert.Equal(bare.Invoker, dispatched.Invoker);
        Assert.Equal(bare.Member?.Permissions, dispatched.Member?.Permissions);
        Assert.Equal("The Gitrog Monster", dispatched.Data.GetString("cardname"));
    }

    [Fact]
    public void Deserialize_ComponentSample_ReadsCustomIdAndMember()
    {
        var interaction = Read("discord_interaction_component_button.json");

        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal("click_one", interaction.Data?.CustomId);
        Assert.Equal(2, interaction.Data?.ComponentType);
        Assert.Equal("290926444748734465", interaction.ApplicationId);
        Assert.Equal("53908232506183680", interaction.Invoker?.Id);
        Assert.Equal("17179869183", interaction.Member?.Permissions);
        Assert.Equal(1, interaction.Version);
    }

    [Fact]
    public void Deserialize_PingSample_IsTypeOne()
    {
        var interaction = Read("discord_interaction_ping_djs_test.json");

        Assert.Equal(InteractionType.Ping, interaction.Type);
        Assert.Equal("787053080478613555", interaction.Id);
        Assert.Null(interaction.Data);
        Assert.Null(interaction.Invoker);
    }

    [Fact]
    public void Deserialize_AutocompleteSample_ReadsTheFocusedOption()
    {
        var interaction = Read("discord_interaction_autocomplete_djs_test.json");

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, interaction.Type);
        var option = Assert.Single(interaction.Data!.Options!);
        Assert.True(option.Focused);
        Assert.Equal("first_option", interaction.Data.GetString("option"));
    }

    [Fact]
    public void Deserialize_RemoraDispatch_MemberWithoutUser_InvokerIsTopLevelUser()
    {
        var interaction = SampleFiles.ReadElement("discord_interaction_create_dispatch_remora_fixture.json")
            .GetProperty("d").Deserialize(DiscordJsonContext.Default.Interaction)!;

        Assert.NotNull(interaction.Member);
        Assert.Null(interaction.Member.User);
        Assert.Equal("999999999999999999", interaction.Invoker?.Id);
        Assert.Equal("en-GB", interaction.Locale);
    }

    [Fact]
    public void Deserialize_PartialDocsSampleWithoutIdAndToken_IsRejected()
    {
        // The docs excerpt leaves out id and token; a real interaction always has both (the token is needed to
        // answer), so the reader refuses it rather than produce an interaction that cannot be answered.
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(SampleFiles.ReadBytes(PartialDocsSample), DiscordJsonContext.Default.Interaction));
    }

    [Fact]
    public void Deserialize_UnknownFieldsEverywhere_AreIgnored()
    {
        const string json = """
            {
              "id": "1", "token": "t", "type": 2, "version": 1, "brand_new_field": {"nested": [1, 2, {"x": null}]},
              "authorizing_integration_owners": {"0": "290926798626357999"}, "context": 0, "attachment_size_limit": 26214400,
              "member": {"user": {"id": "5", "global_name": "x", "collectibles": null}, "permissions": "8", "flags": 0},
              "data": {"name": "ask", "type": 1, "guild_id": "9", "resolved": {}, "options": [
                {"name": "question", "type": 3, "value": "hi", "unknown": true}
              ]}
            }
            """;

        var interaction = JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction)!;

        Assert.Equal("5", interaction.Invoker?.Id);
        Assert.Equal("8", interaction.Member?.Permissions);
        Assert.Equal("hi", interaction.Data.GetString("question"));
    }

    [Fact]
    public void Deserialize_UnknownInteractionType_KeepsTheNumber()
    {
        var interaction = JsonSerializer.Deserialize("""{"id":"1","token":"t","type":99}""", DiscordJsonContext.Default.Interaction)!;

        Assert.Equal(99, (int)interaction.Type);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"id":"1","type":2}""")]
    [InlineData("""{"token":"t","type":2}""")]
    [InlineData("""{"id":1,"token":"t","type":2}""")]
    [InlineData("""{"id":"1","token":"t","type":"two"}""")]
    [InlineData("not json")]
    public void Deserialize_NotAnInteraction_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction));
    }

    private static Interaction Read(string name) =>
        JsonSerializer.Deserialize(SampleFiles.ReadBytes(name), DiscordJsonContext.Default.Interaction)
            ?? throw new InvalidDataException(name + " is null");
}
