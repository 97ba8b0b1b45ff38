namespace IncidentBot.Tests.Support;

/// <summary>Tests that read exact metric values: they run after the parallel ones, with no other service alive.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialMetricsTests
{
    public const string Name = "metrics";
}
