using IncidentBot.Slack.Commands;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.Commands;

/// <summary><c>/ask as_of:YYYY-MM-DD …</c>: only documents dated on or before that day answer (the fixture seed is dated 2019-11-01).</summary>
public sealed class AskAsOfTests : IndexHarnessTests
{
    [Theory]
    [InlineData("as_of:2019-11-01 How many users were targeted?", true)]
    [InlineData("How many users were targeted? as_of:2019-11-01", true)]
    [InlineData("How many users were targeted? AS_OF:2019-10-31", false)]
    public async Task AsOfWord_ScopesTheAnswer(string text, bool answered)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask(text), CancellationToken.None);

        var all = MessageJson.AllText(reply);
        Assert.Equal(answered, all.Contains("1,400", StringComparison.Ordinal));
        Assert.DoesNotContain("as_of", all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BadAsOf_UsageNotice()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Ask("as_of:soon How many users were targeted?"), CancellationToken.None);

        Assert.Contains("YYYY-MM-DD", MessageJson.AllText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many users?", "How many users?", null)]
    [InlineData("as_of:2019-11-01 How many?", "How many?", "2019-11-01")]
    [InlineData("How  many? as_of:x", "How many?", "x")]
    public void SplitAsOf_TakesTheWordOut(string text, string question, string? asOf)
    {
        var (q, a) = SlackCommandHandler.SplitAsOf(text);

        Assert.Equal(asOf, a);
        Assert.Equal(asOf is null ? text : question, q);
    }
}
