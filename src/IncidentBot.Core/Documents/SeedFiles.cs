using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Core.Documents;

/// <summary>A candidate seed file: its '/'-separated path relative to the seeds folder and its full path.</summary>
internal readonly record struct SeedFile(string RelativePath, string FullPath);

/// <summary>
/// File-level helpers shared by <see cref="SeedLoader.Load"/> and <see cref="SeedLoader.ComputeContentHash"/>,
/// so that listing, reading and hashing are identical in both and the hashes always agree.
/// </summary>
internal static class SeedFiles
{
    /// <summary>
    /// The synonyms file at the top of the seeds folder: configuration, not a document, so it is neither
    /// indexed nor part of the content hash (editing it must not rebuild the index).
    /// </summary>
    public const string SynonymsFileName = "synonyms.txt";

    /// <summary>How much of a file is inspected for NUL bytes to detect binary content.</summary>
    public const int BinarySniffLength = 8 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Lists <c>.txt</c>/<c>.md</c> files (any case) under <paramref name="root"/> recursively, in ordinal
    /// order of the relative path. Names starting with '.' are skipped, and so are symbolic links to
    /// directories, which could otherwise loop.
    /// </summary>
    public static List<SeedFile> Enumerate(string root)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
            MatchType = MatchType.Simple,
            ReturnSpecialDirectories = false,
        };

        var files = new List<SeedFile>();
        var pending = new Stack<DirectoryInfo>();
        var top = new DirectoryInfo(root);
        pending.Push(top);
        while (pending.Count > 0)
        {
            DirectoryInfo directory = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = directory.EnumerateFileSystemInfos("*", options).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A sub-folder removed or locked while we walk is treated like an empty one.
                continue;
            }

            foreach (FileSystemInfo entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry is DirectoryInfo subdirectory)
                {
                    if (subdirectory.LinkTarget is null)
                    {
                        pending.Push(subdirectory);
                    }
                }
                else if (IsSeedExtension(entry.Name)
                    && !(ReferenceEquals(directory, top) && entry.Name.Equals(SynonymsFileName, StringComparison.OrdinalIgnoreCase)))
                {
                    files.Add(new SeedFile(ToRelativePath(root, entry.FullName), entry.FullName));
                }
            }
        }

        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    /// <summary>Reads all bytes; null with <paramref name="error"/> set when the file cannot be read.</summary>
    public static byte[]? TryReadAllBytes(SeedFile file, out string? error)
    {
        try
        {
            error = null;
            return File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// Appends one file to the content hash: UTF-8 relative path, a 0 byte, the length as little-endian
    /// int64 (-1 for an unreadable file) and the raw bytes. The length prefix keeps entries unambiguous.
    /// </summary>
    public static void AppendToHash(IncrementalHash hash, SeedFile file, byte[]? bytes)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath));
        Span<byte> header = stackalloc byte[9];
        header[0] = 0;
        BinaryPrimitives.WriteInt64LittleEndian(header[1..], bytes?.LongLength ?? -1);
        hash.AppendData(header);
        if (bytes is not null)
        {
            hash.AppendData(bytes);
        }
    }

    public static string ToHex(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());

    /// <summary>True when the start of the file holds a NUL byte (and it is not UTF-16 with a BOM).</summary>
    public static bool LooksBinary(byte[] bytes)
    {
        return !HasUtf16Bom(bytes)
            && bytes.AsSpan(0, Math.Min(bytes.Length, BinarySniffLength)).Contains((byte)0);
    }

    /// <summary>
    /// Decodes strict UTF-8 (BOM stripped); invalid sequences fall back to U+FFFD and set
    /// <paramref name="lossy"/>. Files with a UTF-16 BOM are decoded as UTF-16, as Windows tools write them.
    /// </summary>
    public static string Decode(byte[] bytes, out bool lossy)
    {
        lossy = false;
        if (HasUtf16Bom(bytes))
        {
            Encoding utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return utf16.GetString(bytes, 2, bytes.Length - 2);
        }

        int offset = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            lossy = true;
            return LenientUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
    }

    private static bool HasUtf16Bom(byte[] bytes) =>
        bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));

    private static bool IsSeedExtension(string name)
    {
        string extension = Path.GetExtension(name);
        return extension.Equals(".txt", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".md", StringComparison.OrdinalIgnoreCase);
    }

    private static string ToRelativePath(string root, string fullPath)
    {
        string relative = Path.GetRelativePath(root, fullPath);
        // On Unix '\' is a legal file name character, so only the platform separator is rewritten.
        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
