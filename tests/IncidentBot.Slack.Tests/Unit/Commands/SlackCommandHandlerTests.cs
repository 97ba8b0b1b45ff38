using IncidentBot.Core.Conversations;
using IncidentBot.Core.Indexing;
using IncidentBot.Slack.Commands;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Payloads;
using IncidentBot.Slack.Rendering;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.Commands;

/// <summary>The handler on a real index (built from the fixture seed) and a real SQLite store.</summary>
public sealed class SlackCommandHandlerTests : IndexHarnessTests
{
    private const string Question = "How many users were targeted?";

    [Fact]
    public async Task Ask_AnswerableQuestion_EphemeralAnswerWithButtonsCarryingTheAskId()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None);

        var root = MessageJson.Parse(reply);
        Assert.Equal("ephemeral", MessageJson.ResponseType(root));
        Assert.Contains(MessageJson.SectionTexts(root), t => t.Contains("1,400", StringComparison.Ordinal));
        Assert.Contains("1,400", reply.Text, StringComparison.Ordinal);
        var buttons = MessageJson.ButtonList(root);
        var askId = MessageJson.AskId(reply);
        Assert.Equal(ActionIds.Share, buttons[0].ActionId);
        Assert.Contains(buttons, b => b.ActionId == ActionIds.More);
        Assert.Contains(buttons, b => b.ActionId == ActionIds.Helpful);
        Assert.Contains(buttons, b => b.ActionId == ActionIds.NotHelpful);
        Assert.All(buttons, b => Assert.StartsWith(askId.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Value, StringComparison.Ordinal));
        Assert.Equal($"{askId}:1", buttons.Single(b => b.ActionId == ActionIds.More).Value);

        var stored = await Harness.Store.FindAskAsync(askId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(Question, stored.Question);
        Assert.Equal(SlackCommandHandler.Channel, stored.Channel);
        Assert.True(stored.Answered);
    }

    [Fact]
    public async Task Ask_NotEphemeralByDefault_InChannelWithoutShare()
    {
        var handler = Harness.CreateHandler(o => o.EphemeralByDefault = false);

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None);

        var root = MessageJson.Parse(reply);
        Assert.Equal("in_channel", MessageJson.ResponseType(root));
        var buttons = MessageJson.ButtonList(root);
        Assert.DoesNotContain(buttons, b => b.ActionId == ActionIds.Share);
        Assert.Contains(buttons, b => b.ActionId == ActionIds.Helpful);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   \t  ")]
    public async Task Ask_EmptyQuestion_UsageHelpNamingTheCommand(string text)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask(text), CancellationToken.None);

        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        Assert.Contains("/ask How many users were targeted?", MessageJson.AllText(reply), StringComparison.Ordinal);
        Assert.Empty(MessageJson.Buttons(MessageJson.Parse(reply)));
    }

    [Fact]
    public async Task Ask_EmptyQuestionWithCustomCommand_UsageNamesTheCustomCommand()
    {
        var handler = Harness.CreateHandler(o => o.AskCommand = "/incident-ask");

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/incident-ask", ""), CancellationToken.None);

        Assert.Contains("/incident-ask How many", MessageJson.AllText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionOf501Characters_EphemeralNotice()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask(new string('a', 501)), CancellationToken.None);

        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        Assert.Contains("too long", reply.Text, StringComparison.Ordinal);
        Assert.Contains("500", reply.Text, StringComparison.Ordinal);
        Assert.Empty(MessageJson.Buttons(MessageJson.Parse(reply)));
    }

    [Fact]
    public async Task Ask_QuestionOf500Characters_Answered()
    {
        var handler = Harness.CreateHandler();
        var question = (Question + " ").PadRight(500, 'x');

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask(question), CancellationToken.None);

        Assert.DoesNotContain("too long", reply.Text, StringComparison.Ordinal);
        Assert.NotEmpty(MessageJson.Buttons(MessageJson.Parse(reply)));
    }

    [Theory]
    [InlineData("users AND (targeted OR \"spies\") NOT foo*")]
    [InlineData("title:users~2 ^3 [a TO b] {x} \\ / ! ? :")]
    [InlineData("*")]
    [InlineData("\"")]
    [InlineData("AND OR NOT")]
    public async Task Ask_LuceneSyntax_NormalReply(string question)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask(question), CancellationToken.None);

        Assert.DoesNotContain("went wrong", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(reply.Blocks!);
        Assert.NotEmpty(reply.Text);
    }

    [Fact]
    public async Task Ask_MentionsAndAmpersand_EscapedNeverRaw()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask("<!channel> <!here> <@U123> & how many users were targeted?"), CancellationToken.None);

        var texts = MessageJson.AllTexts(MessageJson.Parse(reply));
        var all = string.Join('\n', texts);
        Assert.Contains("&lt;!channel&gt;", all, StringComparison.Ordinal);
        Assert.Contains("&lt;!here&gt;", all, StringComparison.Ordinal);
        Assert.Contains("&lt;@U123&gt;", all, StringComparison.Ordinal);
        Assert.Contains("&amp;", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U123>", all, StringComparison.Ordinal);
        Assert.DoesNotContain(texts, t => t.Contains("& ", StringComparison.Ordinal));
        var raw = MessageJson.Serialize(reply);
        Assert.DoesNotContain("<!channel>", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_UnansweredQuestionWithMention_EscapedNeverRaw()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask("<!channel> what is the recipe for pancakes?"), CancellationToken.None);

        var all = MessageJson.AllText(reply);
        Assert.DoesNotContain("<!channel>", all, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SixthQuestionInTheWindow_AskingQuicklyWhileOthersStillAnswered()
    {
        var handler = Harness.CreateHandler(o => o.QuestionsPerWindow = 5);
        for (var i = 0; i < 5; i++)
        {
            var allowed = await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None);
            Assert.DoesNotContain("asking quickly", allowed.Text, StringComparison.Ordinal);
        }

        var sixth = await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None);
        var other = await handler.HandleCommandAsync(TestPayloads.Ask(Question, TestPayloads.OtherUserId), CancellationToken.None);

        Assert.Equal(SlackMessage.Ephemeral, sixth.ResponseType);
        Assert.Contains("asking quickly", sixth.Text, StringComparison.Ordinal);
        Assert.Empty(MessageJson.Buttons(MessageJson.Parse(sixth)));
        Assert.DoesNotContain("asking quickly", other.Text, StringComparison.Ordinal);
        Assert.Contains("1,400", other.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_EmptyQuestionsAreNotCounted()
    {
        var handler = Harness.CreateHandler(o => o.QuestionsPerWindow = 1);
        await handler.HandleCommandAsync(TestPayloads.Ask(""), CancellationToken.None);
        await handler.HandleCommandAsync(TestPayloads.Ask("  "), CancellationToken.None);

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None);

        Assert.DoesNotContain("asking quickly", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_ListsTheSeedDocument()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/incident-sources"), CancellationToken.None);

        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        var all = MessageJson.AllText(reply);
        Assert.Contains("Indexed documents (1)", all, StringComparison.Ordinal);
        var source = Assert.Single(Harness.Catalog.List());
        Assert.EndsWith(IndexHarness.SeedFileName, source.Source, StringComparison.Ordinal);

        // The line names the file, escaped like all document text ('_' becomes a look-alike so it cannot italicise).
        Assert.Contains(SlackText.Escape(source.Source), all, StringComparison.Ordinal);
        Assert.Contains("43178d05d4589019", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_NonAdmin_PoliteRefusalAndIndexUntouched()
    {
        var handler = Harness.CreateHandler(o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        var before = Harness.Index.Snapshot;
        var sentences = 0;
        Harness.Index.AfterSentenceIndexed = _ => Interlocked.Increment(ref sentences);

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/incident-reindex", "force"), CancellationToken.None);

        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        Assert.Contains("only the bot's admins", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref sentences));
        Assert.Equal(before, Harness.Index.Snapshot);
    }

    [Fact]
    public async Task Reindex_NoAdminsConfigured_RefusesEveryone()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/incident-reindex", "", TestPayloads.AdminUserId), CancellationToken.None);

        Assert.Contains("only the bot's admins", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_AdminWithoutForce_ReindexResult()
    {
        var handler = Harness.CreateHandler(o => o.AdminUserIds.Add(TestPayloads.AdminUserId));

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/incident-reindex", "", TestPayloads.AdminUserId), CancellationToken.None);

        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        Assert.Contains("Index unchanged", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("force")]
    [InlineData(" FORCE ")]
    public async Task Reindex_AdminWithForce_Rebuilt(string text)
    {
        var handler = Harness.CreateHandler(o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        var before = Harness.Index.Snapshot;
        var sentences = 0;
        Harness.Index.AfterSentenceIndexed = _ => Interlocked.Increment(ref sentences);

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/incident-reindex", text, TestPayloads.AdminUserId), CancellationToken.None);

        Assert.Contains("Index rebuilt", reply.Text, StringComparison.Ordinal);
        Assert.True(Volatile.Read(ref sentences) > 0);
        Assert.NotEqual(before, Harness.Index.Snapshot);
    }

    [Fact]
    public async Task Reindex_AdminAfterASeedChange_Rebuilt()
    {
        var handler = Harness.CreateHandler(o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        File.WriteAllText(Path.Combine(Harness.SeedsPath, "001_extra.txt"), "date 2019-11-02 The second report says 20 journalists were targeted.");

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/incident-reindex", "", TestPayloads.AdminUserId), CancellationToken.None);

        Assert.Contains("Index rebuilt", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, Harness.Index.Snapshot?.Documents);
    }

    [Theory]
    [InlineData("/weather")]
    [InlineData("/ASK")]
    [InlineData("/ask2")]
    public async Task UnknownCommand_NoticeNamingOurCommands(string command)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Command(command, Question), CancellationToken.None);

        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        Assert.Contains(command, reply.Text, StringComparison.Ordinal);
        Assert.Contains("/ask", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/incident-sources", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandWithMarkup_Escaped()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/<!channel>", ""), CancellationToken.None);

        Assert.DoesNotContain("<!channel>", MessageJson.AllText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomCommandNames_Routed()
    {
        var handler = Harness.CreateHandler(o =>
        {
            o.AskCommand = "/incident-ask";
            o.SourcesCommand = "/docs";
            o.ReindexCommand = "/rebuild";
            o.AdminUserIds.Add(TestPayloads.AdminUserId);
        });

        var ask = await handler.HandleCommandAsync(TestPayloads.Command("/incident-ask", Question), CancellationToken.None);
        var sources = await handler.HandleCommandAsync(TestPayloads.Command("/docs"), CancellationToken.None);
        var reindex = await handler.HandleCommandAsync(TestPayloads.Command("/rebuild", "", TestPayloads.AdminUserId), CancellationToken.None);
        var oldAsk = await handler.HandleCommandAsync(TestPayloads.Command("/ask", Question), CancellationToken.None);

        Assert.Contains("1,400", ask.Text, StringComparison.Ordinal);
        Assert.Contains("Indexed documents", sources.Text, StringComparison.Ordinal);
        Assert.Contains("Index unchanged", reindex.Text, StringComparison.Ordinal);
        Assert.Contains("does not know /ask", oldAsk.Text, StringComparison.Ordinal);
        Assert.Contains("/incident-ask", oldAsk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_InChannelCopySharedByTheClicker()
    {
        var handler = Harness.CreateHandler();
        var askId = MessageJson.AskId(await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));

        var reply = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.Share, Id(askId), "U0SHARER1"), CancellationToken.None);

        Assert.NotNull(reply);
        var root = MessageJson.Parse(reply);
        Assert.Equal("in_channel", MessageJson.ResponseType(root));
        Assert.False(root.GetProperty("replace_original").GetBoolean());
        Assert.Contains("Shared by <@U0SHARER1>", MessageJson.AllText(root), StringComparison.Ordinal);
        Assert.Contains("1,400", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(MessageJson.ButtonList(root), b => b.ActionId == ActionIds.Share);
    }

    [Fact]
    public async Task More_NextCitationsEphemeralNotReplacingTheAnswer()
    {
        var handler = Harness.CreateHandler();
        var answer = await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None);
        var askId = MessageJson.AskId(answer);

        var reply = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.More, $"{askId}:1"), CancellationToken.None);

        Assert.NotNull(reply);
        var root = MessageJson.Parse(reply);
        Assert.Equal("ephemeral", MessageJson.ResponseType(root));
        Assert.False(root.GetProperty("replace_original").GetBoolean());
        Assert.StartsWith("Sources 4–", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_ClicksBeyondTheUsersLimit_ClickingQuicklyNoticeWhileVotesStillCount()
    {
        // More sources and Share search again: they share the asker's limit; votes do not search and are not limited.
        var handler = Harness.CreateHandler(o => o.QuestionsPerWindow = 2);
        var answer = await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None);
        var askId = MessageJson.AskId(answer);

        var first = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.More, $"{askId}:1"), CancellationToken.None);
        var second = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.Share, Id(askId)), CancellationToken.None);
        var vote = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.Helpful, Id(askId)), CancellationToken.None);

        Assert.StartsWith("Sources 4–", first!.Text, StringComparison.Ordinal);
        Assert.Contains("clicking quickly", second!.Text, StringComparison.Ordinal);
        Assert.Contains("helpful", vote!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_ValueWithoutPage_FirstExtraPage()
    {
        var handler = Harness.CreateHandler();
        var askId = MessageJson.AskId(await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));

        var reply = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.More, Id(askId)), CancellationToken.None);

        Assert.StartsWith("Sources 4–", reply?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_PagePastTheEnd_NoMoreSources()
    {
        var handler = Harness.CreateHandler();
        var askId = MessageJson.AskId(await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));

        var reply = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.More, $"{askId}:100"), CancellationToken.None);

        Assert.Equal("No more sources.", reply?.Text);
    }

    [Fact]
    public async Task Votes_RecordedThenChangedThenUnchanged()
    {
        var handler = Harness.CreateHandler();
        var askId = MessageJson.AskId(await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));

        var first = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.Helpful, Id(askId)), CancellationToken.None);
        Assert.Equal(VoteOutcome.Unchanged, await Harness.Store.RecordVoteAsync(askId, SlackCommandHandler.Channel, TestPayloads.UserId, helpful: true, CancellationToken.None));
        var changed = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.NotHelpful, Id(askId)), CancellationToken.None);
        Assert.Equal(VoteOutcome.Unchanged, await Harness.Store.RecordVoteAsync(askId, SlackCommandHandler.Channel, TestPayloads.UserId, helpful: false, CancellationToken.None));
        var again = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.NotHelpful, Id(askId)), CancellationToken.None);
        var back = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.Helpful, Id(askId)), CancellationToken.None);

        Assert.Equal("Thanks: recorded as helpful.", first?.Text);
        Assert.Equal("Changed your vote to not helpful.", changed?.Text);
        Assert.StartsWith("Thanks: recorded as not helpful.", again?.Text, StringComparison.Ordinal);
        Assert.Equal("Changed your vote to helpful.", back?.Text);
        Assert.All(new[] { first, changed, again, back }, m =>
        {
            Assert.Equal(SlackMessage.Ephemeral, m!.ResponseType);
            Assert.False(m.ReplaceOriginal);
        });
    }

    [Fact]
    public async Task Votes_OtherUserHasTheirOwnVote()
    {
        var handler = Harness.CreateHandler();
        var askId = MessageJson.AskId(await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));
        await handler.HandleActionAsync(TestPayloads.Click(ActionIds.Helpful, Id(askId)), CancellationToken.None);

        var other = await handler.HandleActionAsync(TestPayloads.Click(ActionIds.NotHelpful, Id(askId), TestPayloads.OtherUserId), CancellationToken.None);

        Assert.StartsWith("Thanks: recorded as not helpful.", other?.Text, StringComparison.Ordinal);
        Assert.Equal(VoteOutcome.Unchanged, await Harness.Store.RecordVoteAsync(askId, SlackCommandHandler.Channel, TestPayloads.UserId, helpful: true, CancellationToken.None));
    }

    [Theory]
    [InlineData(ActionIds.Helpful)]
    [InlineData(ActionIds.NotHelpful)]
    [InlineData(ActionIds.Share)]
    [InlineData(ActionIds.More)]
    public async Task Click_UnknownAskId_TooOld(string actionId)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleActionAsync(TestPayloads.Click(actionId, "987654"), CancellationToken.None);

        Assert.NotNull(reply);
        Assert.Contains("too old", reply.Text, StringComparison.Ordinal);
        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        Assert.False(reply.ReplaceOriginal);
    }

    [Theory]
    [InlineData("some_other_button", "1")]
    [InlineData("ASK_HELPFUL", "1")]
    [InlineData(ActionIds.Helpful, null)]
    [InlineData(ActionIds.Helpful, "")]
    [InlineData(ActionIds.Helpful, "abc")]
    [InlineData(ActionIds.Helpful, "-1")]
    [InlineData(ActionIds.Helpful, "+1")]
    [InlineData(ActionIds.Helpful, " 1")]
    [InlineData(ActionIds.Helpful, "1:2:3")]
    [InlineData(ActionIds.More, "1:0")]
    [InlineData(ActionIds.More, "1:101")]
    [InlineData(ActionIds.More, "1:")]
    [InlineData(ActionIds.More, ":1")]
    [InlineData(ActionIds.More, "1:x")]
    [InlineData(ActionIds.Share, "99999999999999999999999")]
    public async Task Click_UnknownActionOrMalformedValue_Null(string actionId, string? value)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleActionAsync(TestPayloads.Click(actionId, value), CancellationToken.None);

        Assert.Null(reply);
    }

    [Fact]
    public async Task Click_NoActions_Null()
    {
        var handler = Harness.CreateHandler();
        var click = TestPayloads.Click(ActionIds.Helpful, "1") with { Actions = [] };

        Assert.Null(await handler.HandleActionAsync(click, CancellationToken.None));
    }

    [Fact]
    public async Task Click_ForeignActionBeforeOurs_OursHandled()
    {
        var handler = Harness.CreateHandler();
        var askId = MessageJson.AskId(await handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));
        var click = BlockActions.From(TestPayloads.ClickElement(TestPayloads.UserId, ("other", "x"), (ActionIds.Helpful, Id(askId))))!;

        var reply = await handler.HandleActionAsync(click, CancellationToken.None);

        Assert.Equal("Thanks: recorded as helpful.", reply?.Text);
    }

    private static string Id(long askId) => askId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
