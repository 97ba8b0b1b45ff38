using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Core.Indexing;

/// <summary>Where and how the Lucene index is kept (configuration section <c>Index</c>).</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Index";

    /// <summary>Folder of the on-disk Lucene index. Resolved to an absolute path by the host.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Index:Path must name a folder for the search index.")]
    public string Path { get; set; } = "data/index";

    /// <summary>
    /// JSONL file of golden questions (the format of the evaluation sets). When it exists, a rebuilt index
    /// replaces the one answering only if it passes at least as many of them; admins can force it. Unset:
    /// <c>golden-questions.jsonl</c> in the seeds folder; blank: no gate. Resolved to an absolute path by the host.
    /// </summary>
    public string? GoldenQuestions { get; set; }
}
