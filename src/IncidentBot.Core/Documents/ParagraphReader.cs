using System.Text;

namespace IncidentBot.Core.Documents;

/// <summary>Splits a document body into numbered paragraphs and their sentences.</summary>
/// <remarks>
/// Paragraphs are separated by blank (empty or whitespace-only) lines. Markdown heading lines
/// (<c>#</c> to <c>######</c> then a space) are not paragraph text: they are dropped and, as in
/// Markdown, end the paragraph they interrupt. Inner line breaks and whitespace runs become single
/// spaces, so <see cref="DocumentParagraph.Text"/> equals its sentences joined with spaces.
/// </remarks>
public static class ParagraphReader
{
    /// <summary>Reads the paragraphs of <paramref name="body"/>, numbered from 1 in the order kept.</summary>
    public static IReadOnlyList<DocumentParagraph> Read(string body)
    {
        ArgumentNullException.ThrowIfNull(body);

        var paragraphs = new List<DocumentParagraph>();
        var current = new StringBuilder();
        foreach (ReadOnlySpan<char> line in body.AsSpan().EnumerateLines())
        {
            ReadOnlySpan<char> trimmed = line.Trim().Trim('\uFEFF');
            if (trimmed.IsEmpty || IsHeading(trimmed))
            {
                Flush(current, paragraphs);
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(trimmed);
        }

        Flush(current, paragraphs);
        return paragraphs;
    }

    private static void Flush(StringBuilder current, List<DocumentParagraph> paragraphs)
    {
        if (current.Length == 0)
        {
            return;
        }

        IReadOnlyList<string> sentences = SentenceSplitter.Split(current.ToString());
        current.Clear();
        if (sentences.Count > 0)
        {
            paragraphs.Add(new DocumentParagraph(paragraphs.Count + 1, string.Join(' ', sentences), sentences));
        }
    }

    /// <summary>ATX heading: 1–6 '#' followed by whitespace or nothing (an empty heading).</summary>
    private static bool IsHeading(ReadOnlySpan<char> line)
    {
        int hashes = 0;
        while (hashes < line.Length && line[hashes] == '#')
        {
            hashes++;
        }

        return hashes is >= 1 and <= 6 && (hashes == line.Length || line[hashes] is ' ' or '\t');
    }
}
