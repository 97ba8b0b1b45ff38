using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Tests.TestSupport;

namespace IncidentBot.Discord.Tests.Unit.Interactions;

/// <summary><c>/ask … as_of:YYYY-MM-DD</c>: only documents dated on or before that day answer (the fixture seed is dated 2019-11-01).</summary>
public sealed class AskAsOfTests : IndexHarnessTests
{
    [Theory]
    [InlineData("2019-11-01", true)]
    [InlineData("2019-10-31", false)]
    public async Task AsOf_ScopesTheAnswerToDocumentsOfThatTime(string asOf, bool answered)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(Ask(asOf), CancellationToken.None);

        var embed = Assert.Single(reply.Response!.Data!.Embeds!);
        Assert.Equal(answered, embed.Description!.Contains("1,400", StringComparison.Ordinal));
        if (!answered)
        {
            Assert.Contains("2019-10-31", embed.Description, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2019-13-01")]
    [InlineData("01/11/2019")]
    public async Task BadAsOf_PrivateUsageNotice(string asOf)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(Ask(asOf), CancellationToken.None);

        var message = reply.Response!.Data!;
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Contains("YYYY-MM-DD", message.Content, StringComparison.Ordinal);
    }

    private static Interaction Ask(string asOf) => TestInteractions.Command(
        CommandNames.Ask,
        options: [TestInteractions.StringOption("question", "How many users were targeted?"), TestInteractions.StringOption("as_of", asOf)]);
}
