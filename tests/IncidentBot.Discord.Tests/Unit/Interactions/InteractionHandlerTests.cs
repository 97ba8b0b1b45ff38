using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Feedback;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Timeline;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rendering;
using IncidentBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Discord.Tests.Unit.Interactions;

/// <summary>The handler on a real index built from <c>Fixtures/seeds</c> and a real SQLite conversation store.</summary>
public sealed class InteractionHandlerTests : IndexHarnessTests
{
    /// <summary>The seed document says "over 1,400 users were targeted upon by the spies".</summary>
    private const string AnsweredQuestion = "How many users were targeted?";

    [Fact]
    public async Task Ask_AnsweredQuestion_PublicMessageWithOneEmbedAndButtonsOfTheStoredAsk()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion), CancellationToken.None);

        var response = Assert.IsType<InteractionResponse>(reply.Response);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        var message = response.Data!;
        Assert.Null(message.Flags);
        var embed = Assert.Single(message.Embeds!);
        Assert.Equal("Q: " + AnsweredQuestion, embed.Title);
        Assert.Contains("1,400", embed.Description, StringComparison.Ordinal);
        Assert.Equal(AnswerRenderer.AnsweredColor, embed.Color);

        // Every button carries the id of the ask just stored, and that ask is the question.
        var buttons = Assert.Single(message.Components!).Components;
        var ids = buttons.Select(b => ComponentId.Parse(b.CustomId)).ToList();
        Assert.All(ids, Assert.NotNull);
        var askId = Assert.Single(ids.Select(id => id!.AskId).Distinct());
        Assert.Contains(AskButtons.VoteId(askId, helpful: true), buttons.Select(b => b.CustomId));
        Assert.Contains(AskButtons.VoteId(askId, helpful: false), buttons.Select(b => b.CustomId));
        Assert.Contains(AskButtons.MoreId(askId, 1), buttons.Select(b => b.CustomId));
        var stored = await Harness.Store.FindAskAsync(askId, CancellationToken.None);
        Assert.Equal(AnsweredQuestion, stored?.Question);
        Assert.Equal("discord", stored?.Channel);
        Assert.True(stored?.Answered);
    }

    [Fact]
    public async Task Ask_Serialized_SuppressesAllMentions()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion), CancellationToken.None);

        var json = JsonNode.Parse(JsonSerializer.Serialize(reply.Response!, DiscordJsonContext.Default.InteractionResponse))!;
        Assert.Equal(4, (int)json["type"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"parse":[]}"""), json["data"]!["allowed_mentions"]));
        Assert.Single(json["data"]!["embeds"]!.AsArray());
        Assert.Null(json["data"]!["flags"]);
    }

    [Fact]
    public async Task Ask_PrivateTrue_IsEphemeral()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion, isPrivate: true), CancellationToken.None);

        Assert.Equal(MessageFlags.Ephemeral, reply.Response?.Data?.Flags);
        Assert.Single(reply.Response!.Data!.Embeds!);
    }

    [Theory]
    [InlineData(false, null, null)]
    [InlineData(false, false, null)]
    [InlineData(false, true, MessageFlags.Ephemeral)]
    [InlineData(true, null, MessageFlags.Ephemeral)]
    [InlineData(true, true, MessageFlags.Ephemeral)]
    [InlineData(true, false, null)]
    public async Task Ask_EphemeralByDefaultAndPrivateOption_DecideTheFlags(bool ephemeralByDefault, bool? isPrivate, int? expectedFlags)
    {
        var handler = Harness.CreateHandler(o => o.EphemeralByDefault = ephemeralByDefault);

        var reply = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion, isPrivate: isPrivate), CancellationToken.None);

        Assert.Equal(expectedFlags, reply.Response?.Data?.Flags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public async Task Ask_EmptyQuestion_EphemeralNoticeWithUsage(string question)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Ask(question), CancellationToken.None);

        AssertNotice(reply, "Usage: /ask");
        Assert.Contains("empty", reply.Response!.Data!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NoQuestionOption_EphemeralNoticeWithUsage()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Ask), CancellationToken.None);

        AssertNotice(reply, "Usage: /ask");
    }

    [Fact]
    public async Task Ask_QuestionOf501Characters_EphemeralNoticeSaysTooLong()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Ask("users " + new string('x', 495)), CancellationToken.None);

        AssertNotice(reply, "too long");
        Assert.Contains("500", reply.Response!.Data!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionOf500Characters_IsAnswered()
    {
        var handler = Harness.CreateHandler();
        var question = AnsweredQuestion + " " + new string('x', 500 - AnsweredQuestion.Length - 1);

        var reply = await handler.HandleAsync(TestInteractions.Ask(question), CancellationToken.None);

        Assert.Single(reply.Response!.Data!.Embeds!);
        Assert.Null(reply.Response.Data.Flags);
    }

    [Theory]
    [InlineData("title:(foo AND bar~ OR \"x")]
    [InlineData("users* AND targeted~2 OR \"spies")]
    [InlineData("+users -targeted ^2 [a TO b] {c TO d} \\ / !")]
    [InlineData("*")]
    [InlineData("???")]
    [InlineData("NOT AND OR")]
    [InlineData("@everyone <@53908232506183680> **bold** `code`")]
    public async Task Ask_LuceneOrMarkdownSyntax_StillANormalReply(string question)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Ask(question), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, reply.Response?.Type);
        var embed = Assert.Single(reply.Response!.Data!.Embeds!);
        Assert.False(string.IsNullOrEmpty(embed.Title));
        Assert.Null(reply.Response.Data.Flags);
    }

    [Fact]
    public async Task Ask_SixthQuestionInTheWindow_AskingQuicklyNoticeWhileOthersAreAnswered()
    {
        var handler = Harness.CreateHandler(o =>
        {
            o.QuestionsPerWindow = 5;
            o.QuestionWindowSeconds = 3600;
        });
        for (var i = 0; i < 5; i++)
        {
            var ok = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion), CancellationToken.None);
            Assert.NotNull(ok.Response?.Data?.Embeds);
        }

        var sixth = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion), CancellationToken.None);
        var other = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion, TestInteractions.OtherUserId), CancellationToken.None);

        AssertNotice(sixth, "asking quickly");
        Assert.Matches(@"try again in \d+ s", sixth.Response!.Data!.Content);
        Assert.Single(other.Response!.Data!.Embeds!);
    }

    [Fact]
    public async Task Ask_UnlimitedQuestionsPerWindow_NeverRefuses()
    {
        var handler = Harness.CreateHandler(o => o.QuestionsPerWindow = 0);

        for (var i = 0; i < 8; i++)
        {
            var reply = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion), CancellationToken.None);
            Assert.NotNull(reply.Response?.Data?.Embeds);
        }
    }

    [Fact]
    public async Task Ask_IndexNotBuiltYet_SaysStillIndexing()
    {
        var handler = CreateHandlerOnUnbuiltIndex();

        var reply = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion), CancellationToken.None);

        AssertNotice(reply, "still being indexed");
    }

    [Fact]
    public async Task Sources_ListsTheSeedDocument()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Sources), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, reply.Response?.Type);
        var embed = Assert.Single(reply.Response!.Data!.Embeds!);
        Assert.Equal("Indexed documents (1)", embed.Title);
        var seedName = Path.GetFileNameWithoutExtension(IndexHarness.SeedFileName);
        var stem = seedName[(seedName.IndexOf('_', StringComparison.Ordinal) + 1)..];
        Assert.Contains(stem, embed.Description, StringComparison.Ordinal);
        Assert.Contains("2019-11-01", embed.Description, StringComparison.Ordinal);
        Assert.Contains("19 sentences", embed.Footer?.Text, StringComparison.Ordinal);
        Assert.Null(reply.Response.Data.Flags);
    }

    [Fact]
    public async Task Sources_EphemeralByDefault_IsEphemeral()
    {
        var handler = Harness.CreateHandler(o => o.EphemeralByDefault = true);

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Sources), CancellationToken.None);

        Assert.Equal(MessageFlags.Ephemeral, reply.Response?.Data?.Flags);
    }

    [Fact]
    public async Task Sources_IndexNotBuiltYet_SaysNoDocuments()
    {
        var handler = CreateHandlerOnUnbuiltIndex();

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Sources), CancellationToken.None);

        Assert.Equal(SourcesRenderer.NoDocuments, Assert.Single(reply.Response!.Data!.Embeds!).Description);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2048")]
    [InlineData(null)]
    public async Task Reindex_MemberWithoutManageServer_RefusedAndIndexUntouched(string? permissions)
    {
        var handler = Harness.CreateHandler();
        var before = Harness.Index.Snapshot;
        Harness.WriteSeed("001_extra.txt", "A second document. The outage began at noon.");

        var reply = await handler.HandleAsync(
            TestInteractions.Command(CommandNames.Reindex, permissions: permissions, options: TestInteractions.BooleanOption("force", true)),
            CancellationToken.None);

        AssertNotice(reply, "Only server managers");
        Assert.Same(before, Harness.Index.Snapshot);
        Assert.Single(Harness.Catalog.List());
    }

    [Theory]
    [InlineData("32")]
    [InlineData("8")]
    [InlineData("2147483647")]
    public async Task Reindex_ServerManager_RebuildsAndReports(string permissions)
    {
        var handler = Harness.CreateHandler();
        Harness.WriteSeed("001_extra.txt", "A second document. The outage began at noon.");

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Reindex, permissions: permissions), CancellationToken.None);

        AssertNotice(reply, "Index rebuilt");
        Assert.Contains("2 documents", reply.Response!.Data!.Content, StringComparison.Ordinal);
        Assert.Equal(2, Harness.Index.Snapshot?.Documents);
        Assert.Equal(2, Harness.Catalog.List().Count);
    }

    [Fact]
    public async Task Reindex_NothingChanged_ReportsUnchanged()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Reindex, permissions: "32"), CancellationToken.None);

        AssertNotice(reply, "Index unchanged");
    }

    [Fact]
    public async Task Reindex_Force_RebuildsEvenWhenUnchanged()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(
            TestInteractions.Command(CommandNames.Reindex, permissions: "32", options: TestInteractions.BooleanOption("force", true)),
            CancellationToken.None);

        AssertNotice(reply, "Index rebuilt");
    }

    [Fact]
    public async Task Reindex_DmUserListedAsAdmin_IsAllowed()
    {
        var handler = Harness.CreateHandler(o => o.AdminUserIds.Add(TestInteractions.UserId));

        var reply = await handler.HandleAsync(TestInteractions.DmCommand(CommandNames.Reindex, TestInteractions.UserId), CancellationToken.None);

        AssertNotice(reply, "Index unchanged");
    }

    [Fact]
    public async Task Reindex_DmUserNotListed_IsRefused()
    {
        var handler = Harness.CreateHandler(o => o.AdminUserIds.Add(TestInteractions.OtherUserId));

        var reply = await handler.HandleAsync(TestInteractions.DmCommand(CommandNames.Reindex, TestInteractions.UserId), CancellationToken.None);

        AssertNotice(reply, "Only server managers");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("ASK")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Command_UnknownName_EphemeralNotice(string? name)
    {
        var handler = Harness.CreateHandler();
        var interaction = TestInteractions.Command("x") with { Data = new InteractionData { Name = name, Type = 1 } };

        var reply = await handler.HandleAsync(interaction, CancellationToken.None);

        AssertNotice(reply, "not known");
    }

    [Fact]
    public async Task Command_NoData_EphemeralNotice()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Command("x") with { Data = null }, CancellationToken.None);

        AssertNotice(reply, "not known");
    }

    [Fact]
    public async Task Click_MoreSourcesOfAStoredAsk_EphemeralNextPage()
    {
        var handler = Harness.CreateHandler();
        var askId = await AskAndGetIdAsync(handler);

        var reply = await handler.HandleAsync(TestInteractions.Click(AskButtons.MoreId(askId, 1), TestInteractions.OtherUserId), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, reply.Response?.Type);
        Assert.Equal(MessageFlags.Ephemeral, reply.Response!.Data!.Flags);
        var embed = Assert.Single(reply.Response.Data.Embeds!);
        Assert.StartsWith("Sources 4–6 of ", embed.Title, StringComparison.Ordinal);
        Assert.Equal(3, embed.Fields?.Count);
    }

    [Fact]
    public async Task Click_MoreSourcesPastTheLastPage_SaysNoMoreSources()
    {
        var handler = Harness.CreateHandler();
        var askId = await AskAndGetIdAsync(handler);

        var reply = await handler.HandleAsync(TestInteractions.Click(AskButtons.MoreId(askId, 100)), CancellationToken.None);

        Assert.Equal(MoreSourcesRenderer.NoMoreSources, reply.Response?.Data?.Content);
        Assert.Equal(MessageFlags.Ephemeral, reply.Response?.Data?.Flags);
    }

    [Fact]
    public async Task Click_MoreSourcesOfAnUnknownAsk_SaysTooOld()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Click(AskButtons.MoreId(987654321, 1)), CancellationToken.None);

        AssertNotice(reply, "too old to expand");
    }

    [Fact]
    public async Task Click_Votes_RecordedThenUnchangedThenChanged()
    {
        var handler = Harness.CreateHandler();
        var askId = await AskAndGetIdAsync(handler);

        var first = await handler.HandleAsync(TestInteractions.Click(AskButtons.VoteId(askId, helpful: true)), CancellationToken.None);
        var again = await handler.HandleAsync(TestInteractions.Click(AskButtons.VoteId(askId, helpful: true)), CancellationToken.None);
        var flipped = await handler.HandleAsync(TestInteractions.Click(AskButtons.VoteId(askId, helpful: false)), CancellationToken.None);

        AssertNotice(first, "Thanks: recorded as helpful.");
        AssertNotice(again, "Thanks: recorded as helpful.");
        AssertNotice(flipped, "Changed your vote to not helpful.");

        // The store holds the user's latest vote: repeating it changes nothing.
        var repeat = await Harness.Store.RecordVoteAsync(askId, "discord", TestInteractions.UserId, helpful: false, CancellationToken.None);
        Assert.Equal(VoteOutcome.Unchanged, repeat);
    }

    [Fact]
    public async Task Click_VoteDown_RecordedAsNotHelpfulForThatUserOnly()
    {
        var handler = Harness.CreateHandler();
        var askId = await AskAndGetIdAsync(handler);

        var reply = await handler.HandleAsync(TestInteractions.Click(AskButtons.VoteId(askId, helpful: false)), CancellationToken.None);

        AssertNotice(reply, "recorded as not helpful");
        Assert.Equal(VoteOutcome.Unchanged, await Harness.Store.RecordVoteAsync(askId, "discord", TestInteractions.UserId, false, CancellationToken.None));
        Assert.Equal(VoteOutcome.Recorded, await Harness.Store.RecordVoteAsync(askId, "discord", TestInteractions.OtherUserId, false, CancellationToken.None));
    }

    [Fact]
    public async Task Click_VoteUpThenDown_SaysChanged()
    {
        var handler = Harness.CreateHandler();
        var askId = await AskAndGetIdAsync(handler);
        await handler.HandleAsync(TestInteractions.Click(AskButtons.VoteId(askId, helpful: false)), CancellationToken.None);

        var reply = await handler.HandleAsync(TestInteractions.Click(AskButtons.VoteId(askId, helpful: true)), CancellationToken.None);

        AssertNotice(reply, "Changed your vote to helpful.");
    }

    [Fact]
    public async Task Click_VoteOnAnUnknownAsk_SaysTooOldToRate()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Click(AskButtons.VoteId(987654321, helpful: true)), CancellationToken.None);

        AssertNotice(reply, "too old to rate");
    }

    [Theory]
    [InlineData("click_one")]
    [InlineData("ask:more:1:0")]
    [InlineData("ask:vote:1:sideways")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Click_NotOurComponent_IsIgnored(string? customId)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Click(customId), CancellationToken.None);

        Assert.Null(reply.Response);
    }

    [Fact]
    public async Task Autocomplete_NoOptionOfOursAutocompletes_IsIgnored()
    {
        var handler = Harness.CreateHandler();
        var interaction = TestInteractions.Ask("users") with { Type = InteractionType.ApplicationCommandAutocomplete };

        var reply = await handler.HandleAsync(interaction, CancellationToken.None);

        Assert.Null(reply.Response);
    }

    [Fact]
    public async Task Ping_AnswersPong()
    {
        var handler = Harness.CreateHandler();
        var ping = TestInteractions.Command("x") with { Type = InteractionType.Ping, Data = null, Member = null };

        var reply = await handler.HandleAsync(ping, CancellationToken.None);

        Assert.Equal(InteractionCallbackType.Pong, reply.Response?.Type);
        Assert.Null(reply.Response?.Data);
    }

    [Theory]
    [InlineData(InteractionType.ModalSubmit)]
    [InlineData((InteractionType)99)]
    public async Task UnknownInteractionType_IsIgnored(InteractionType type)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Ask) with { Type = type }, CancellationToken.None);

        Assert.Null(reply.Response);
    }

    [Theory]
    [InlineData(InteractionType.ApplicationCommand, CommandNames.Ask, false, null, false)]
    [InlineData(InteractionType.ApplicationCommand, CommandNames.Ask, false, true, true)]
    [InlineData(InteractionType.ApplicationCommand, CommandNames.Ask, true, null, true)]
    [InlineData(InteractionType.ApplicationCommand, CommandNames.Ask, true, false, false)]
    [InlineData(InteractionType.ApplicationCommand, CommandNames.Sources, false, null, false)]
    [InlineData(InteractionType.ApplicationCommand, CommandNames.Sources, true, null, true)]
    [InlineData(InteractionType.ApplicationCommand, CommandNames.Sources, false, true, false)]
    [InlineData(InteractionType.ApplicationCommand, CommandNames.Timeline, false, null, false)]
    [InlineData(InteractionType.ApplicationCommand, CommandNames.Timeline, true, null, true)]
    [InlineData(InteractionType.ApplicationCommand, CommandNames.Reindex, false, null, true)]
    [InlineData(InteractionType.ApplicationCommand, "unknown", false, null, true)]
    [InlineData(InteractionType.MessageComponent, null, false, null, true)]
    [InlineData(InteractionType.ApplicationCommandAutocomplete, CommandNames.Ask, false, false, true)]
    [InlineData(InteractionType.Ping, null, false, null, true)]
    public void WantsEphemeral_ByTypeCommandAndSettings(InteractionType type, string? name, bool ephemeralByDefault, bool? isPrivate, bool expected)
    {
        var handler = Harness.CreateHandler(o => o.EphemeralByDefault = ephemeralByDefault);
        var options = isPrivate is { } p ? new[] { TestInteractions.BooleanOption("private", p) } : [];
        var interaction = TestInteractions.Command("x") with { Type = type, Data = new InteractionData { Name = name, Options = options } };

        Assert.Equal(expected, handler.WantsEphemeral(interaction));
    }

    [Theory]
    [InlineData(CommandNames.Ask, false, null)]
    [InlineData(CommandNames.Ask, true, true)]
    [InlineData(CommandNames.Sources, true, null)]
    [InlineData(CommandNames.Timeline, false, null)]
    [InlineData(CommandNames.Timeline, true, null)]
    [InlineData(CommandNames.Reindex, false, null)]
    [InlineData("unknown", false, null)]
    public async Task WantsEphemeral_AgreesWithTheReplyFlags(string name, bool ephemeralByDefault, bool? isPrivate)
    {
        // A deferral announces the visibility before the reply exists: the two must agree.
        var handler = Harness.CreateHandler(o => o.EphemeralByDefault = ephemeralByDefault);
        var options = new List<InteractionOption> { TestInteractions.StringOption("question", AnsweredQuestion) };
        if (isPrivate is { } p)
        {
            options.Add(TestInteractions.BooleanOption("private", p));
        }

        var interaction = TestInteractions.Command(name, permissions: "32", options: [.. options]);
        var reply = await handler.HandleAsync(interaction, CancellationToken.None);

        Assert.Equal(handler.WantsEphemeral(interaction), reply.Response?.Data?.Flags == MessageFlags.Ephemeral);
    }

    [Fact]
    public async Task Ask_StorageUnavailable_StillAnswersWithoutButtons()
    {
        var handler = CreateHandlerOnBrokenStore();

        var reply = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion), CancellationToken.None);

        var message = reply.Response!.Data!;
        Assert.Single(message.Embeds!);
        Assert.Null(message.Components);
    }

    [Fact]
    public async Task Click_VoteWhileStorageUnavailable_SaysTryAgainLater()
    {
        var handler = CreateHandlerOnBrokenStore();

        var reply = await handler.HandleAsync(TestInteractions.Click(AskButtons.VoteId(1, helpful: true)), CancellationToken.None);

        AssertNotice(reply, "Could not record your vote");
    }

    private static void AssertNotice(InteractionReply reply, string expectedText)
    {
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, reply.Response?.Type);
        var message = reply.Response!.Data!;
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Contains(expectedText, message.Content, StringComparison.Ordinal);
    }

    private static async Task<long> AskAndGetIdAsync(InteractionHandler handler)
    {
        var reply = await handler.HandleAsync(TestInteractions.Ask(AnsweredQuestion), CancellationToken.None);
        var button = reply.Response!.Data!.Components![0].Components[0];
        return ComponentId.Parse(button.CustomId)!.AskId;
    }

    /// <summary>A handler whose conversation store points at a folder: every storage call fails.</summary>
    private InteractionHandler CreateHandlerOnBrokenStore()
    {
        var folder = Path.Combine(Harness.Root, "not-a-file.db");
        Directory.CreateDirectory(folder);
        var store = Harness.Own(new ConversationStore(
            Microsoft.Extensions.Options.Options.Create(new DataOptions { Path = folder }), NullLogger<ConversationStore>.Instance));
        return Harness.Own(new InteractionHandler(
            Harness.Engine, Harness.Index, Harness.Catalog, store, Harness.Own(new GapFinder(store, TimeProvider.System)), new IncidentTimeline(Harness.Index),
            Microsoft.Extensions.Options.Options.Create(new DiscordOptions()), NullLogger<InteractionHandler>.Instance));
    }

    private InteractionHandler CreateHandlerOnUnbuiltIndex()
    {
        var root = Path.Combine(Harness.Root, "unbuilt");
        var index = Harness.Own(new IncidentIndex(
            Microsoft.Extensions.Options.Options.Create(new IndexOptions { Path = Path.Combine(root, "index") }),
            Microsoft.Extensions.Options.Options.Create(new SeedsOptions { Path = Path.Combine(root, "seeds") }),
            new SeedLoader(NullLogger<SeedLoader>.Instance),
            NullLogger<IncidentIndex>.Instance));
        var engine = Harness.Own(new AnswerEngine(index));
        return Harness.Own(new InteractionHandler(
            engine, index, new SourceCatalog(index), Harness.Store, Harness.Own(new GapFinder(Harness.Store, TimeProvider.System)), new IncidentTimeline(index), Microsoft.Extensions.Options.Options.Create(new DiscordOptions()), NullLogger<InteractionHandler>.Instance));
    }
}
