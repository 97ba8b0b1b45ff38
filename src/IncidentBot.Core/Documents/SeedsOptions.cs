using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Core.Documents;

/// <summary>Where the documents to answer from live (configuration section <c>Seeds</c>).</summary>
public sealed class SeedsOptions
{
    public const string SectionName = "Seeds";

    /// <summary>Folder read recursively for <c>.txt</c> and <c>.md</c> files. Resolved to an absolute path by the host.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Seeds:Path must name the folder of documents to index.")]
    public string Path { get; set; } = "seeds";

    /// <summary>Rebuild the index by itself when documents are added, changed or removed.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Quiet time after the last change before rebuilding, so a batch of copied files makes one rebuild.</summary>
    [Range(100, 600_000, ErrorMessage = "Seeds:WatchDebounceMs must be between 100 and 600000.")]
    public int WatchDebounceMs { get; set; } = 2000;

    /// <summary>
    /// Also check the folder every this many seconds (0 = never): file events do not cross some mounts (network
    /// shares, some container volumes). A check that finds nothing changed costs one read of the documents.
    /// </summary>
    [Range(0, 86_400, ErrorMessage = "Seeds:PollSeconds must be between 0 and 86400.")]
    public int PollSeconds { get; set; } = 60;
}
