using IncidentBot.Core.Indexing;
using IncidentBot.Core.Telemetry;
using IncidentBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace IncidentBot.Core.Tests.Telemetry;

/// <summary>Index gauges read the answering snapshot and the last build of this process when scraped.</summary>
public sealed class IndexMetricsTests : IDisposable
{
    private readonly IndexHarness _harness = new();
    private readonly TestMeterFactory _meters = new();

    public void Dispose()
    {
        _meters.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public void NoIndexOpen_NoDocumentsMeasurement_NoRebuildDuration()
    {
        var index = _harness.CreateIndex();
        _ = new IndexMetrics(_meters, index, TimeProvider.System);
        using var documents = Collect<long>("incidentbot.index.documents");
        using var duration = Collect<double>("incidentbot.index.rebuild.duration");

        documents.RecordObservableInstruments();
        duration.RecordObservableInstruments();

        // "0 documents" would read as a fact; no measurement says "unknown".
        Assert.Empty(documents.GetMeasurementSnapshot());
        Assert.Empty(duration.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task AfterBuild_DocumentsSentencesRebuildsAndDuration()
    {
        var index = await _harness.CreateReadyIndexAsync(new Dictionary<string, string>
        {
            ["a.txt"] = "The keeper logged the storm. The lamp failed at dawn.",
            ["b.txt"] = "The supply boat arrived on Tuesday.",
        });
        _ = new IndexMetrics(_meters, index, TimeProvider.System);

        Assert.Equal(2, Observe<long>("incidentbot.index.documents").Single().Value);
        Assert.Equal(3, Observe<long>("incidentbot.index.sentences").Single().Value);
        var rebuilds = Observe<long>("incidentbot.index.rebuilds");
        Assert.Equal(1, rebuilds.Single(m => (string)m.Tags["status"]! == "built").Value);
        Assert.Equal(0, rebuilds.Single(m => (string)m.Tags["status"]! == "failed").Value);
        var duration = Observe<double>("incidentbot.index.rebuild.duration").Single();
        Assert.Equal("built", duration.Tags["status"]);
        Assert.True(duration.Value > 0);
        Assert.InRange(Observe<double>("incidentbot.index.age").Single().Value, 0, 300);
    }

    [Fact]
    public async Task FailedRebuild_CountedAndReported_OldIndexStillMeasured_UnchangedNotCounted()
    {
        var index = await _harness.CreateReadyIndexAsync(new Dictionary<string, string> { ["a.txt"] = "The keeper logged the storm." });
        _ = new IndexMetrics(_meters, index, TimeProvider.System);

        Assert.Equal(ReindexStatus.Unchanged, (await index.ReindexAsync(force: false, CancellationToken.None)).Status);
        Directory.Delete(_harness.SeedsPath, recursive: true);
        Assert.Equal(ReindexStatus.Failed, (await index.ReindexAsync(force: true, CancellationToken.None)).Status);

        var rebuilds = Observe<long>("incidentbot.index.rebuilds");
        Assert.Equal(1, rebuilds.Single(m => (string)m.Tags["status"]! == "built").Value);
        Assert.Equal(1, rebuilds.Single(m => (string)m.Tags["status"]! == "failed").Value);
        Assert.Equal("failed", Observe<double>("incidentbot.index.rebuild.duration").Single().Tags["status"]);
        Assert.Equal(1, Observe<long>("incidentbot.index.documents").Single().Value);
    }

    [Fact]
    public async Task RebuildKeptBackByGoldenQuestions_CountedAsRejectedNotFailed()
    {
        var golden = Path.Combine(_harness.Root, "golden.jsonl");
        File.WriteAllText(golden, "{\"question\": \"What did the keeper log?\", \"expect\": [\"storm\"]}\n");
        _harness.ReplaceSeeds(new Dictionary<string, string> { ["a.txt"] = "The keeper logged the storm." });
        var index = _harness.CreateIndex(goldenQuestions: golden);
        Assert.Equal(ReindexStatus.Built, (await index.EnsureReadyAsync(CancellationToken.None)).Status);
        _ = new IndexMetrics(_meters, index, TimeProvider.System);
        _harness.ReplaceSeeds(new Dictionary<string, string> { ["a.txt"] = "The supply boat arrived on Tuesday." });

        Assert.Equal(ReindexFailure.GoldenQuestions, (await index.ReindexAsync(force: false, CancellationToken.None)).Failure);

        var rebuilds = Observe<long>("incidentbot.index.rebuilds");
        Assert.Equal(1, rebuilds.Single(m => (string)m.Tags["status"]! == "rejected").Value);
        Assert.Equal(0, rebuilds.Single(m => (string)m.Tags["status"]! == "failed").Value);
        Assert.Equal("rejected", Observe<double>("incidentbot.index.rebuild.duration").Single().Tags["status"]);
    }

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(_meters, IncidentBotMetrics.MeterName, instrument);

    private IReadOnlyList<CollectedMeasurement<T>> Observe<T>(string instrument)
        where T : struct
    {
        using var collector = Collect<T>(instrument);
        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot();
    }
}
