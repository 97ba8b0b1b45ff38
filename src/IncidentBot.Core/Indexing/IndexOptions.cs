using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Core.Indexing;

/// <summary>Where and how the Lucene index is kept (configuration section <c>Index</c>).</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Index";

    /// <summary>Folder of the on-disk Lucene index. Resolved to an absolute path by the host.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Index:Path must name a folder for the search index.")]
    public string Path { get; set; } = "data/index";
}
