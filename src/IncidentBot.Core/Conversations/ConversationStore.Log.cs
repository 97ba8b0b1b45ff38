using Microsoft.Extensions.Logging;

namespace IncidentBot.Core.Conversations;

/// <summary>Log messages of <see cref="ConversationStore"/> (source-generated). Never include question text.</summary>
public sealed partial class ConversationStore
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation storage at {Path} failed in {Operation}; the bot keeps answering without it")]
    private partial void LogStorageFailed(Exception exception, string operation, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} questions older than {Days} days")]
    private partial void LogPurged(int count, int days);
}
