using IncidentBot.Core.Tests.TestSupport;
using IncidentBot.Core.Timeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Core.Tests.Timeline;

public sealed class IncidentTimelineTests : IDisposable
{
    // The project's response-notes seed (dated three days after the news report) and an undated note.
    private const string ResponseNotes =
        "---\ntitle: Incident response notes\ndate: 2019-11-04\nurl: https://example.org/incident/response-notes\n---\n\n" +
        "The security team rotated the signing keys of the messaging gateway on 4 November 2019.\n\n" +
        "A patched client build, version 2.19.274, was shipped to every platform within two days.\n";

    private const string UndatedNote = "Forensics dated the first infection to 29 April 2019. On Monday the team met.\n";

    private static readonly Dictionary<string, string> Seeds = new()
    {
        [SeedNewsReport.FileName] = SeedNewsReport.Text,
        ["response-notes.md"] = ResponseNotes,
        ["undated.txt"] = UndatedNote,
    };

    private readonly IndexHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Build_OpenIndex_ListsEveryDocumentsEventsInDateOrder()
    {
        var timeline = new IncidentTimeline(await _harness.CreateReadyIndexAsync(Seeds));

        var events = timeline.Build();

        Assert.Equal(
            [
                "2019-04-29 undated.txt",
                "2019-05 000_43178d05d4589019.txt",
                "2019-05 000_43178d05d4589019.txt",
                "2019-05 000_43178d05d4589019.txt",
                "2019-10-31 000_43178d05d4589019.txt",
                "2019-11-01 000_43178d05d4589019.txt",
                "2019-11-01 000_43178d05d4589019.txt",
                "2019-11-04 response-notes.md",
            ],
            events.Select(e => $"{e.When} {e.Citation.Source}"));
        Assert.Equal(("Incident response notes", "https://example.org/incident/response-notes"), (events[^1].Citation.Title, events[^1].Citation.Url));
    }

    [Fact]
    public async Task Build_OpenIndex_MatchesTheEventsOfTheParsedDocuments()
    {
        var timeline = new IncidentTimeline(await _harness.CreateReadyIndexAsync(Seeds));
        var parsed = TimelineBuilder.Build(Seeds.Select(s => TimelineBuilderTests.Parse(s.Key, s.Value)));

        Assert.Equal(parsed, timeline.Build());
    }

    [Theory]
    [InlineData("2019-11-04", 7)]
    [InlineData("2019-11-03", 6)]
    [InlineData("2019-11-01", 6)]
    [InlineData("2019-10-31", 0)]
    public async Task Build_AsOf_KeepsOnlyDocumentsDatedOnOrBeforeIt(string asOf, int expected)
    {
        var timeline = new IncidentTimeline(await _harness.CreateReadyIndexAsync(Seeds));
        var cutoff = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);

        var events = timeline.Build(cutoff);

        Assert.Equal(expected, events.Count);
        Assert.All(events, e => Assert.True(e.Citation.DocumentDate <= cutoff));
        Assert.Equal(timeline.Build().Where(e => e.Citation.DocumentDate <= cutoff), events);
    }

    [Fact]
    public void Build_NoIndexOpen_IsEmpty()
    {
        var timeline = new IncidentTimeline(_harness.CreateIndex());

        Assert.Empty(timeline.Build());
        Assert.Empty(timeline.Build(new DateOnly(2019, 11, 1)));
    }

    [Fact]
    public async Task Build_SameSnapshot_IsComputedOnce_AndANewSnapshotIsReadAfresh()
    {
        var index = await _harness.CreateReadyIndexAsync(Seeds);
        var timeline = new IncidentTimeline(index);
        var first = timeline.Build();

        Assert.Same(first, timeline.Build());

        _harness.ReplaceSeeds(new Dictionary<string, string> { ["undated.txt"] = UndatedNote });
        await index.ReindexAsync(force: false, CancellationToken.None);

        var after = Assert.Single(timeline.Build());
        Assert.Equal("2019-04-29", after.When.ToString());
    }

    [Fact]
    public void AddIncidentBotCore_RegistersTheTimelineOnce()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();

        services.AddIncidentBotCore(configuration);
        services.AddIncidentBotCore(configuration);

        var timeline = Assert.Single(services, d => d.ServiceType == typeof(IncidentTimeline));
        Assert.Equal(ServiceLifetime.Singleton, timeline.Lifetime);
    }
}
