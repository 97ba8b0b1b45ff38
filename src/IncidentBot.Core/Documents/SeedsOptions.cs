using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Core.Documents;

/// <summary>Where the documents to answer from live (configuration section <c>Seeds</c>).</summary>
public sealed class SeedsOptions
{
    public const string SectionName = "Seeds";

    /// <summary>Folder read recursively for <c>.txt</c> and <c>.md</c> files. Resolved to an absolute path by the host.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Seeds:Path must name the folder of documents to index.")]
    public string Path { get; set; } = "seeds";
}
