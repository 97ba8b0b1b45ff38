using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Core.Conversations;

/// <summary>
/// Where questions asked through the chat front ends and their votes are kept, and for how long
/// (configuration section <c>Data</c>).
/// </summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>SQLite database file. Resolved to an absolute path; its folder is created at first use.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Data:Path must name the SQLite file for questions and votes.")]
    public string Path { get; set; } = "data/incidentbot.db";

    /// <summary>Days a question (and its votes) is kept before <see cref="ConversationStore.PurgeExpiredAsync"/> deletes it.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;
}
