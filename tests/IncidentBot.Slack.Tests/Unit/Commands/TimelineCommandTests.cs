using System.Text.RegularExpressions;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Feedback;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Timeline;
using IncidentBot.Slack.Commands;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Tests.Rendering;
using IncidentBot.Slack.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Slack.Tests.Unit.Commands;

/// <summary>
/// <c>/incident-timeline</c> on the real fixture index (the 2019-11-01 news report): its dated events in date
/// order, for everyone, private per <c>EphemeralByDefault</c>; a YYYY-MM-DD text keeps only documents dated on or
/// before it, and any other text gets the usage.
/// </summary>
public sealed partial class TimelineCommandTests : IndexHarnessTests
{
    private const string Command = "/incident-timeline";
    private const string Seed = "`000_43178d05d4589019.txt` ¶";

    [Fact]
    public async Task Timeline_FixtureSeed_ListsItsDatedEventsInDateOrder_Privately()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Command(Command), CancellationToken.None);

        SlackJson.AssertWithinLimits(reply);
        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        Assert.Equal("Incident timeline", reply.Text);
        var section = Assert.Single(MessageJson.SectionTexts(MessageJson.Parse(reply)));
        var lines = section.Split('\n');
        Assert.Equal(["2019-05", "2019-05", "2019-05", "2019-10-31", "2019-11-01", "2019-11-01"], lines.Select(Date));
        Assert.All(lines, line => Assert.Contains(Seed, line, StringComparison.Ordinal));
        Assert.StartsWith("*2019-10-31* — *On Thursday*\u200B, Union Minister Ravi Shankar Prasad expressed displeasure", lines[3], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("*2019-05* — ", StringComparison.Ordinal) && l.Contains("*In May*\u200B, we quickly resolved", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("*2019-11-01* — ", StringComparison.Ordinal) && l.Contains("*on Friday*", StringComparison.Ordinal));
        Assert.Contains("6 events from 1 document", MessageJson.AllText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_NotEphemeralByDefault_PostedInChannel()
    {
        var handler = Harness.CreateHandler(o => o.EphemeralByDefault = false);

        var reply = await handler.HandleCommandAsync(TestPayloads.Command(Command), CancellationToken.None);

        Assert.Equal(SlackMessage.InChannel, reply.ResponseType);
    }

    [Theory]
    [InlineData("2019-11-01", 6)]
    [InlineData(" 2030-01-01 ", 6)]
    [InlineData("2019-10-31", 0)]
    public async Task AsOf_KeepsOnlyDocumentsDatedOnOrBeforeIt(string asOf, int expected)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleCommandAsync(TestPayloads.Command(Command, asOf), CancellationToken.None);

        SlackJson.AssertWithinLimits(reply);
        Assert.Equal($"Incident timeline as of {asOf.Trim()}", reply.Text);
        var section = Assert.Single(MessageJson.SectionTexts(MessageJson.Parse(reply)));
        if (expected == 0)
        {
            // The news report is dated 2019-11-01: as of the day before, even its "On Thursday" (2019-10-31) is unknown.
            Assert.Equal($"No dated events in the documents dated on or before {asOf}.", section);
        }
        else
        {
            Assert.Equal(expected, section.Split('\n').Length);
        }
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2019-13-01")]
    [InlineData("tomorrow's")]
    [InlineData("2019-11-01 please")]
    [InlineData("<!channel>")]
    public async Task AsOf_NotADate_Usage(string text)
    {
        var handler = Harness.CreateHandler(o => o.EphemeralByDefault = false);

        var reply = await handler.HandleCommandAsync(TestPayloads.Command(Command, text), CancellationToken.None);

        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        var all = MessageJson.AllText(reply);
        Assert.StartsWith("Usage: /incident-timeline [YYYY-MM-DD]", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Incident timeline", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomCommandName_Routed_AndListedForUnknownCommands()
    {
        var handler = Harness.CreateHandler(o => o.TimelineCommand = "/when");

        var timeline = await handler.HandleCommandAsync(TestPayloads.Command("/when"), CancellationToken.None);
        var unknown = await handler.HandleCommandAsync(TestPayloads.Command(Command), CancellationToken.None);

        Assert.Equal("Incident timeline", timeline.Text);
        Assert.Contains($"does not know {Command}", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("/when", unknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_IndexNotOpenYet_SaysSoRatherThanAnEmptyTimeline()
    {
        var root = Path.Combine(Harness.Root, "unbuilt");
        var index = Harness.Own(new IncidentIndex(
            Microsoft.Extensions.Options.Options.Create(new IndexOptions { Path = Path.Combine(root, "index") }),
            Microsoft.Extensions.Options.Options.Create(new SeedsOptions { Path = Path.Combine(root, "seeds") }),
            new SeedLoader(NullLogger<SeedLoader>.Instance),
            NullLogger<IncidentIndex>.Instance));
        var handler = Harness.Own(new SlackCommandHandler(
            Harness.Engine, index, new SourceCatalog(index), Harness.Store, Harness.Own(new GapFinder(Harness.Store, TimeProvider.System)),
            new IncidentTimeline(index), Microsoft.Extensions.Options.Options.Create(IndexHarness.CreateOptions()), NullLogger<SlackCommandHandler>.Instance));

        var reply = await handler.HandleCommandAsync(TestPayloads.Command(Command), CancellationToken.None);

        Assert.Equal(SlackMessage.Ephemeral, reply.ResponseType);
        Assert.Contains("still being indexed", reply.Text, StringComparison.Ordinal);
    }

    private static string Date(string line) => LineDate().Match(line) is { Success: true } match ? match.Groups[1].Value : line;

    [GeneratedRegex(@"^\*([0-9]{4}(?:-[0-9]{2}){0,2})\* — ")]
    private static partial Regex LineDate();
}
