using Microsoft.Extensions.Logging;

namespace IncidentBot.Core.Indexing;

/// <summary>Log messages of <see cref="IncidentIndex"/> (source-generated).</summary>
public sealed partial class IncidentIndex
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Index built: {Documents} documents, {Paragraphs} paragraphs, {Sentences} sentences in {ElapsedMs:F0} ms (load {LoadMs:F0} ms, write {WriteMs:F0} ms, open {OpenMs:F0} ms)")]
    private partial void LogBuilt(int documents, int paragraphs, int sentences, double elapsedMs, double loadMs, double writeMs, double openMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Index build failed; the previous index (if any) keeps answering")]
    private partial void LogBuildFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not rebuild the index ({Error}); answering from the previous index")]
    private partial void LogKeptPreviousIndex(string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index at {Path} is unreadable ({Reason}); rebuilding it from the seeds")]
    private partial void LogUnreadableIndex(string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The index at {Path} was built by another version; rebuilding it")]
    private partial void LogOutdatedIndex(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index at {Path} cannot be used now ({Reason})")]
    private partial void LogIndexUnavailable(string path, string reason);
}
