using System.Diagnostics.Metrics;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Telemetry;

/// <summary>
/// Index instruments, read from the index when scraped (gauges cost nothing between scrapes): what the
/// answering snapshot holds, how old it is, and how the last rebuild went.
/// </summary>
public sealed class IndexMetrics
{
    public IndexMetrics(IMeterFactory meterFactory, IncidentIndex index, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(time);
        var meter = meterFactory.Create(IncidentBotMetrics.MeterName);

        // No measurement at all (rather than 0) while no index is open, so "0 documents" never looks like a fact.
        meter.CreateObservableGauge(
            "incidentbot.index.documents",
            () => index.Snapshot is { } s ? [new Measurement<long>(s.Documents)] : Array.Empty<Measurement<long>>(),
            "{document}",
            "Documents in the index that is answering.");
        meter.CreateObservableGauge(
            "incidentbot.index.sentences",
            () => index.Snapshot is { } s ? [new Measurement<long>(s.Sentences)] : Array.Empty<Measurement<long>>(),
            "{sentence}",
            "Sentences (answer candidates) in the index that is answering.");
        meter.CreateObservableGauge(
            "incidentbot.index.age",
            () => index.Snapshot is { } s ? [new Measurement<double>(Math.Max(0, (time.GetUtcNow() - s.BuiltAt).TotalSeconds))] : Array.Empty<Measurement<double>>(),
            "s",
            "Time since the answering index was built.");
        meter.CreateObservableGauge(
            "incidentbot.index.rebuild.duration",
            () => index.LastBuild is { } b
                ? [new Measurement<double>(b.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("status", StatusName(b)))]
                : Array.Empty<Measurement<double>>(),
            "s",
            "How long the last rebuild by this process took (status: built, failed, or rejected by the golden questions).");
        meter.CreateObservableCounter(
            "incidentbot.index.rebuilds",
            () => new[]
            {
                new Measurement<long>(index.BuildsSucceeded, new KeyValuePair<string, object?>("status", "built")),
                new Measurement<long>(index.BuildsFailed, new KeyValuePair<string, object?>("status", "failed")),
                new Measurement<long>(index.BuildsRejected, new KeyValuePair<string, object?>("status", "rejected")),
            },
            "{rebuild}",
            "Rebuilds by this process (unchanged seeds, which rebuild nothing, are not counted).");
    }

    private static string StatusName(ReindexResult build) =>
        build.Status == ReindexStatus.Built ? "built" : build.Failure == ReindexFailure.GoldenQuestions ? "rejected" : "failed";
}
