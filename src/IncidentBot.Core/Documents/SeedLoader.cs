using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Core.Documents;

/// <summary>
/// Loads every <c>.txt</c> and <c>.md</c> file under a seeds folder into <see cref="SourceDocument"/>s.
/// </summary>
/// <remarks>
/// Problems with single files (binary, unreadable, invalid UTF-8, no text) become warnings, logged and
/// collected in <see cref="SeedCorpus.Warnings"/>; only a missing folder or a folder without any usable
/// document is a failure. Nothing is thrown for bad input; cancellation throws
/// <see cref="OperationCanceledException"/> between files.
/// </remarks>
public sealed partial class SeedLoader
{
    private readonly ILogger<SeedLoader> _logger;

    public SeedLoader(ILogger<SeedLoader> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>
    /// Lowercase hex SHA-256 of the seeds folder: for each candidate file in load order, its relative path,
    /// a 0 byte, its length and its raw bytes. Cheap compared to <see cref="Load"/> (no parsing), and equal
    /// to <see cref="SeedCorpus.ContentHash"/> when nothing changed in between.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static string ComputeContentHash(string seedsPath)
    {
        string root = ResolveRoot(seedsPath);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException(NotFoundMessage(root));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (SeedFile file in SeedFiles.Enumerate(root))
        {
            SeedFiles.AppendToHash(hash, file, SeedFiles.TryReadAllBytes(file, out _));
        }

        return SeedFiles.ToHex(hash);
    }

    /// <summary>Loads and parses the seeds folder.</summary>
    public SeedLoadResult Load(string seedsPath, CancellationToken ct)
    {
        string root = ResolveRoot(seedsPath);
        if (!Directory.Exists(root))
        {
            return SeedLoadResult.Failure(NotFoundMessage(root));
        }

        var documents = new List<SourceDocument>();
        var warnings = new List<string>();
        // Hashing the very bytes that are parsed (rather than re-reading via ComputeContentHash) keeps
        // the hash true to the corpus even if a file changes during the load.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (SeedFile file in SeedFiles.Enumerate(root))
        {
            ct.ThrowIfCancellationRequested();

            byte[]? bytes = SeedFiles.TryReadAllBytes(file, out string? readError);
            SeedFiles.AppendToHash(hash, file, bytes);
            if (bytes is null)
            {
                LogUnreadable(file.RelativePath, readError);
                warnings.Add($"{file.RelativePath}: could not be read ({readError}), skipped");
                continue;
            }

            SourceDocument? document = ParseFile(file, bytes, warnings);
            if (document is not null)
            {
                documents.Add(document);
            }
        }

        if (documents.Count == 0)
        {
            return SeedLoadResult.Failure($"Seeds folder {root} contains no readable .txt or .md documents");
        }

        LogLoaded(documents.Count, root, warnings.Count);
        return SeedLoadResult.Success(new SeedCorpus(root, documents, warnings, SeedFiles.ToHex(hash)));
    }

    private SourceDocument? ParseFile(SeedFile file, byte[] bytes, List<string> warnings)
    {
        if (SeedFiles.LooksBinary(bytes))
        {
            LogBinary(file.RelativePath);
            warnings.Add($"{file.RelativePath}: binary content (NUL bytes), skipped");
            return null;
        }

        string text = SeedFiles.Decode(bytes, out bool lossy);
        if (lossy)
        {
            LogInvalidUtf8(file.RelativePath);
            warnings.Add($"{file.RelativePath}: invalid UTF-8, decoded with replacement characters");
        }

        (DocumentMetadata metadata, string body) = DocumentMetadataParser.Parse(text);
        IReadOnlyList<DocumentParagraph> paragraphs = ParagraphReader.Read(body);
        if (paragraphs.Count == 0)
        {
            LogNoText(file.RelativePath);
            warnings.Add($"{file.RelativePath}: no text");
            return null;
        }

        return new SourceDocument(
            file.RelativePath,
            metadata.Title ?? Path.GetFileName(file.FullPath),
            metadata.Date,
            metadata.Url,
            bytes.LongLength,
            paragraphs);
    }

    private static string ResolveRoot(string seedsPath)
    {
        ArgumentNullException.ThrowIfNull(seedsPath);
        // An empty path would make GetFullPath throw; it is simply a folder that does not exist.
        return string.IsNullOrWhiteSpace(seedsPath) ? seedsPath : Path.GetFullPath(seedsPath);
    }

    private static string NotFoundMessage(string root) => $"Seeds folder not found: {root}";

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "{File}: could not be read ({Reason}), skipped")]
    private partial void LogUnreadable(string file, string? reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "{File}: binary content (NUL bytes), skipped")]
    private partial void LogBinary(string file);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "{File}: invalid UTF-8, decoded with replacement characters")]
    private partial void LogInvalidUtf8(string file);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "{File}: no text")]
    private partial void LogNoText(string file);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Loaded {Count} seed documents from {Root} ({WarningCount} warnings)")]
    private partial void LogLoaded(int count, string root, int warningCount);
}
