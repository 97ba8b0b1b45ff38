using IncidentBot.Core.Feedback;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Rendering;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.Commands;

/// <summary>
/// <c>/incident-gaps</c> on a real index and SQLite store: the configured admins see the unanswered questions
/// grouped, privately and escaped; everyone else is refused.
/// </summary>
public sealed class GapsCommandTests : IndexHarnessTests
{
    private const string Admin = "UADMIN1";

    [Fact]
    public async Task Admin_SeesUnansweredQuestionsGrouped_Privately()
    {
        var handler = Harness.CreateHandler(o => o.AdminUserIds.Add(Admin));
        await handler.HandleCommandAsync(TestPayloads.Ask("Who won the cricket world cup?", userId: "U1"), CancellationToken.None);
        await handler.HandleCommandAsync(TestPayloads.Ask("cricket world cup winner", userId: "U2"), CancellationToken.None);
        await handler.HandleCommandAsync(TestPayloads.Ask("How many users were targeted?", userId: "U3"), CancellationToken.None);

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/incident-gaps", userId: Admin), CancellationToken.None);

        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        var text = MessageJson.AllText(reply);
        Assert.Contains("cricket", text, StringComparison.Ordinal);
        Assert.Contains("2 questions (2 unanswered, 0 not helpful)", text, StringComparison.Ordinal);
        Assert.Contains(">Who won the cricket world cup?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("targeted", text, StringComparison.Ordinal);
        Assert.Contains("Last 30 days", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7", "Last 7 days")]
    [InlineData(" 90 ", "Last 90 days")]
    [InlineData("0", "Usage: /incident-gaps [days]")]
    [InlineData("lots", "Usage: /incident-gaps [days]")]
    [InlineData("99999", "Usage: /incident-gaps [days]")]
    public async Task DaysText_SetsTheWindow_OrExplainsTheUsage(string days, string expected)
    {
        var handler = Harness.CreateHandler(o => o.AdminUserIds.Add(Admin));

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/incident-gaps", days, userId: Admin), CancellationToken.None);

        Assert.Contains(expected, MessageJson.AllText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAnAdmin_Refused()
    {
        var handler = Harness.CreateHandler(o => o.AdminUserIds.Add(Admin));
        await handler.HandleCommandAsync(TestPayloads.Ask("Who won the cricket world cup?", userId: "U1"), CancellationToken.None);

        var reply = await handler.HandleCommandAsync(TestPayloads.Command("/incident-gaps", userId: "U1"), CancellationToken.None);

        var text = MessageJson.AllText(reply);
        Assert.Contains("only the bot's admins", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cricket", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_QuestionsWithMentionsAndLinks_Escaped_WithinLimits()
    {
        var gaps = Enumerable.Range(0, GapsBlocksRenderer.Shown + 5)
            .Select(i => new QuestionGap(["ping"], 2, 2, 0, ["<!channel> <@U123> *bold* " + new string('x', 5000), "<https://evil.example|click>"], DateTimeOffset.UnixEpoch))
            .ToList();

        var reply = GapsBlocksRenderer.Render(new GapReport(30, DateTimeOffset.UnixEpoch, 30, gaps));

        var text = MessageJson.AllText(reply);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U123>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example|click>", text, StringComparison.Ordinal);
        Assert.True(reply.Blocks!.Count <= 50);
        Assert.Equal(GapsBlocksRenderer.Shown + 2, reply.Blocks.Count);
    }

    [Fact]
    public void Render_StorageFailed_SaysSo()
    {
        Assert.Contains("cannot be read", MessageJson.AllText(GapsBlocksRenderer.Render(null)), StringComparison.Ordinal);
    }
}
