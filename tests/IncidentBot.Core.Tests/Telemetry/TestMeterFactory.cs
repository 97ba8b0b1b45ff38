using System.Diagnostics.Metrics;

namespace IncidentBot.Core.Tests.Telemetry;

/// <summary>
/// A meter factory per test: meters are scoped to it, so a <c>MetricCollector</c> given this factory sees only
/// this test's measurements even while other tests record on meters of the same name.
/// </summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(options.Name, options.Version, options.Tags, this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
