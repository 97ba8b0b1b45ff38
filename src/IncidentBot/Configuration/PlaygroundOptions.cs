namespace IncidentBot.Configuration;

/// <summary>The web playground at <c>/</c> (configuration section <c>Playground</c>).</summary>
internal sealed class PlaygroundOptions
{
    public const string SectionName = "Playground";

    /// <summary>Serve the playground page; off, <c>/</c> is a 404 and only the API and chat endpoints remain.</summary>
    public bool Enabled { get; set; } = true;
}
