namespace IncidentBot.Tests.Discord;

/// <summary>
/// The CLI reads settings only from appsettings.json, /run/secrets and environment variables, so in-process
/// CLI tests set variables for their duration and restore the previous values on dispose. Only tests in
/// <see cref="ProcessEnvironmentGroup"/> may use it: that collection never runs beside another test.
/// </summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    public EnvironmentScope(IReadOnlyDictionary<string, string?> variables)
    {
        foreach (var (name, value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

/// <summary>Tests that change the process environment: run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentGroup
{
    public const string Name = "Process environment";
}
