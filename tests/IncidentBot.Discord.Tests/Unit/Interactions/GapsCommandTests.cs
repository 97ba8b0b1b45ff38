using IncidentBot.Core.Feedback;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rendering;
using IncidentBot.Discord.Tests.TestSupport;

namespace IncidentBot.Discord.Tests.Unit.Interactions;

/// <summary>
/// <c>/gaps</c> on a real index and SQLite store: admins see the unanswered questions grouped, privately;
/// everyone else is refused server-side whatever Discord showed them.
/// </summary>
public sealed class GapsCommandTests : IndexHarnessTests
{
    [Fact]
    public async Task Admin_SeesUnansweredQuestionsGroupedInAPrivateEmbed()
    {
        var handler = Harness.CreateHandler();
        await handler.HandleAsync(TestInteractions.Ask("Who won the cricket world cup?", userId: "1001"), CancellationToken.None);
        await handler.HandleAsync(TestInteractions.Ask("cricket world cup winner", userId: "1002"), CancellationToken.None);
        await handler.HandleAsync(TestInteractions.Ask("How many users were targeted?", userId: "1003"), CancellationToken.None);

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Gaps, permissions: "32"), CancellationToken.None);

        var message = reply.Response!.Data!;
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        var embed = Assert.Single(message.Embeds!);
        Assert.Contains("cricket", embed.Description, StringComparison.Ordinal);
        Assert.Contains("2 questions (2 unanswered, 0 not helpful)", embed.Description, StringComparison.Ordinal);
        Assert.Contains("> Who won the cricket world cup?", embed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("targeted", embed.Description, StringComparison.Ordinal);
        Assert.Contains("Last 30 days", embed.Footer!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DaysOption_SetsTheWindow()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(
            TestInteractions.Command(CommandNames.Gaps, permissions: "8", options: TestInteractions.RawOption("days", 4, "7")),
            CancellationToken.None);

        var embed = Assert.Single(reply.Response!.Data!.Embeds!);
        Assert.Contains("Last 7 days", embed.Footer!.Text, StringComparison.Ordinal);
        Assert.Contains("No unanswered or unhelpful questions", embed.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2048")]
    [InlineData(null)]
    public async Task NotAnAdmin_Refused(string? permissions)
    {
        var handler = Harness.CreateHandler();
        await handler.HandleAsync(TestInteractions.Ask("Who won the cricket world cup?"), CancellationToken.None);

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Gaps, permissions: permissions), CancellationToken.None);

        var message = reply.Response!.Data!;
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Contains("Only server managers", message.Content, StringComparison.Ordinal);
        Assert.Null(message.Embeds);
    }

    [Fact]
    public void Render_QuestionsWithMentionsAndMarkdown_Escaped_HugeReportWithinLimits()
    {
        var gaps = Enumerable.Range(0, GapsRenderer.Shown)
            .Select(i => new QuestionGap(
                ["everyone", "ping"],
                i + 2,
                i + 2,
                0,
                ["@everyone **look** " + new string('x', 3000), "<@123> hi"],
                DateTimeOffset.UnixEpoch))
            .ToList();

        var payload = GapsRenderer.Render(new GapReport(30, DateTimeOffset.UnixEpoch, 500, gaps));

        var embed = Assert.Single(payload.Embeds!);
        Assert.True(embed.Description!.Length <= DiscordLimits.EmbedDescription);
        Assert.DoesNotContain("@everyone **look**", embed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", embed.Description, StringComparison.Ordinal);
        Assert.Empty(payload.AllowedMentions.Parse);
    }

    [Fact]
    public void Render_StorageFailed_SaysSo()
    {
        var payload = GapsRenderer.Render(null);

        Assert.Contains("cannot be read", payload.Content, StringComparison.Ordinal);
        Assert.Equal(MessageFlags.Ephemeral, payload.Flags);
    }
}
