using System.Text.RegularExpressions;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Timeline;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rendering;
using IncidentBot.Discord.Tests.Rendering;
using IncidentBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Discord.Tests.Unit.Interactions;

/// <summary>
/// <c>/timeline</c> on the real fixture index (the 2019-11-01 news report): its dated events in date order, for
/// everyone, public unless <c>EphemeralByDefault</c>; <c>as_of</c> keeps only documents dated on or before it, and
/// anything but a YYYY-MM-DD date gets the usage privately.
/// </summary>
public sealed partial class TimelineCommandTests : IndexHarnessTests
{
    private const string Seed = @"\[000\_43178d05d4589019.txt ¶";

    [Fact]
    public async Task Timeline_FixtureSeed_ListsItsDatedEventsInDateOrder()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Timeline), CancellationToken.None);

        var message = reply.Response!.Data!;
        DiscordLimitsAssert.WithinLimits(message);
        Assert.Null(message.Flags);
        var embed = Assert.Single(message.Embeds!);
        Assert.Equal("Incident timeline", embed.Title);
        var lines = embed.Description!.Split('\n');
        Assert.Equal(["2019-05", "2019-05", "2019-05", "2019-10-31", "2019-11-01", "2019-11-01"], lines.Select(Date));
        Assert.All(lines, line => Assert.Contains(Seed, line, StringComparison.Ordinal));
        Assert.StartsWith("**2019-10-31** — **On Thursday**, Union Minister Ravi Shankar Prasad expressed displeasure", lines[3], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("**2019-05** — ", StringComparison.Ordinal) && l.Contains("**in May**", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("**2019-05** — ", StringComparison.Ordinal) && l.Contains("**In May**, we quickly resolved", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("**2019-11-01** — ", StringComparison.Ordinal) && l.Contains("**on Friday**", StringComparison.Ordinal));
        Assert.StartsWith("6 events from 1 document · ", embed.Footer!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_EphemeralByDefault_IsPrivate()
    {
        var handler = Harness.CreateHandler(o => o.EphemeralByDefault = true);

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Timeline), CancellationToken.None);

        Assert.Equal(MessageFlags.Ephemeral, reply.Response!.Data!.Flags);
        Assert.Equal(6, reply.Response.Data.Embeds![0].Description!.Split('\n').Length);
    }

    [Fact]
    public async Task Timeline_InADirectMessage_IsAnsweredToo()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.DmCommand(CommandNames.Timeline), CancellationToken.None);

        Assert.Equal("Incident timeline", Assert.Single(reply.Response!.Data!.Embeds!).Title);
    }

    [Theory]
    [InlineData("2019-11-01", 6)]
    [InlineData("2030-01-01", 6)]
    [InlineData("2019-10-31", 0)]
    [InlineData("1999-01-01", 0)]
    public async Task AsOf_KeepsOnlyDocumentsDatedOnOrBeforeIt(string asOf, int expected)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(AsOf(asOf), CancellationToken.None);

        var embed = Assert.Single(reply.Response!.Data!.Embeds!);
        Assert.Equal($"Incident timeline as of {asOf}", embed.Title);
        if (expected == 0)
        {
            // The news report is dated 2019-11-01: as of the day before, even its "On Thursday" (2019-10-31) is unknown.
            Assert.Equal($"No dated events in the documents dated on or before {asOf}.", embed.Description);
            Assert.Null(embed.Footer);
        }
        else
        {
            Assert.Equal(expected, embed.Description!.Split('\n').Length);
        }
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2019-13-01")]
    [InlineData("tomorrow's")]
    [InlineData("2019-11-1")]
    [InlineData("01/11/2019")]
    [InlineData("2019-02-30")]
    [InlineData(" ")]
    public async Task AsOf_NotADate_PrivateUsage(string asOf)
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(AsOf(asOf), CancellationToken.None);

        var message = reply.Response!.Data!;
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.StartsWith(@"Usage: /timeline \[as\_of:YYYY-MM-DD\]", message.Content, StringComparison.Ordinal);
        Assert.Null(message.Embeds);
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
        var handler = Harness.Own(new InteractionHandler(
            Harness.Engine, index, new SourceCatalog(index), Harness.Store, Harness.Own(new Core.Feedback.GapFinder(Harness.Store, TimeProvider.System)),
            new IncidentTimeline(index), Microsoft.Extensions.Options.Options.Create(new DiscordOptions()), NullLogger<InteractionHandler>.Instance));

        var reply = await handler.HandleAsync(TestInteractions.Command(CommandNames.Timeline), CancellationToken.None);

        Assert.Equal(MessageFlags.Ephemeral, reply.Response!.Data!.Flags);
        Assert.Contains("still being indexed", reply.Response.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ListsTheTimeline()
    {
        var handler = Harness.CreateHandler();

        var reply = await handler.HandleAsync(TestInteractions.Command("nope"), CancellationToken.None);

        Assert.Contains("/timeline", reply.Response!.Data!.Content, StringComparison.Ordinal);
    }

    private static Interaction AsOf(string date) =>
        TestInteractions.Command(CommandNames.Timeline, options: TestInteractions.StringOption("as_of", date));

    private static string Date(string line) => LineDate().Match(line) is { Success: true } match ? match.Groups[1].Value : line;

    [GeneratedRegex(@"^\*\*([0-9]{4}(?:-[0-9]{2}){0,2})\*\* — ")]
    private static partial Regex LineDate();
}
