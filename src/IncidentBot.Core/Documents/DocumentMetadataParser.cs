using System.Globalization;
using System.Text;

namespace IncidentBot.Core.Documents;

/// <summary>
/// Extracts <see cref="DocumentMetadata"/> from the top of a seed file and returns the remaining body.
/// </summary>
/// <remarks>
/// Supported, in order of precedence:
/// <list type="number">
/// <item>YAML-style front matter: a first line <c>---</c>, <c>key: value</c> lines, a closing <c>---</c> or <c>...</c>
/// (keys <c>title</c>, <c>date</c>, <c>url</c>, case-insensitive; other keys ignored).</item>
/// <item>Without front matter, a leading <c>date YYYY-MM-DD</c> (as in the scraped news seeds), removed from the body.</item>
/// <item>Without a front matter title, the first <c># Heading</c> line, removed from the body.</item>
/// </list>
/// Never throws on malformed input: bad dates become null, unclosed front matter is body text.
/// </remarks>
public static class DocumentMetadataParser
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Parses metadata from <paramref name="text"/>; <c>Body</c> is the text with the metadata removed.</summary>
    public static (DocumentMetadata Metadata, string Body) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        string content = text.StartsWith('\uFEFF') ? text[1..] : text;
        string? title = null;
        string? url = null;
        DateOnly? date = null;
        string body = content;

        if (TryReadFrontMatter(content, out Dictionary<string, string>? fields, out int bodyStart))
        {
            title = fields.GetValueOrDefault("title");
            url = fields.GetValueOrDefault("url");
            date = ParseDate(fields.GetValueOrDefault("date"));
            body = content[bodyStart..];
        }
        else if (TryReadLeadingDate(content, out DateOnly leadingDate, out bodyStart))
        {
            date = leadingDate;
            body = content[bodyStart..];
        }

        if (title is null && TryTakeHeading(body, out string? heading, out string? remaining))
        {
            title = heading;
            body = remaining;
        }

        return (new DocumentMetadata(title, date, url), body);
    }

    /// <summary>
    /// Reads <c>---</c> … <c>---</c> front matter. Values are trimmed and unquoted; empty values are dropped.
    /// Returns false (no front matter at all) when the block is never closed.
    /// </summary>
    private static bool TryReadFrontMatter(
        string content,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Dictionary<string, string>? fields,
        out int bodyStart)
    {
        fields = null;
        bodyStart = 0;
        int position = 0;
        if (!TryReadLine(content, ref position, out ReadOnlySpan<char> first) || !first.TrimEnd().SequenceEqual("---"))
        {
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (TryReadLine(content, ref position, out ReadOnlySpan<char> line))
        {
            ReadOnlySpan<char> trimmed = line.TrimEnd();
            if (trimmed.SequenceEqual("---") || trimmed.SequenceEqual("..."))
            {
                fields = values;
                bodyStart = position;
                return true;
            }

            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            string key = line[..colon].Trim().ToString();
            string value = Unquote(line[(colon + 1)..].Trim());
            // A duplicated key keeps its first value, so the result does not depend on how far the block goes.
            if (value.Length > 0)
            {
                values.TryAdd(key, value);
            }
        }

        return false;
    }

    /// <summary>Matches <c>date YYYY-MM-DD</c> (or <c>date: YYYY-MM-DD</c>) at the very start, after whitespace.</summary>
    private static bool TryReadLeadingDate(string content, out DateOnly date, out int bodyStart)
    {
        date = default;
        bodyStart = 0;
        ReadOnlySpan<char> span = content.AsSpan();
        int i = 0;
        while (i < span.Length && char.IsWhiteSpace(span[i]))
        {
            i++;
        }

        if (!span[i..].StartsWith("date", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        i += 4;
        if (i < span.Length && span[i] == ':')
        {
            i++;
        }

        int gapStart = i;
        while (i < span.Length && span[i] is ' ' or '\t')
        {
            i++;
        }

        if (i == gapStart || i + DateFormat.Length > span.Length)
        {
            return false;
        }

        ReadOnlySpan<char> value = span.Slice(i, DateFormat.Length);
        int end = i + DateFormat.Length;
        if ((end < span.Length && !char.IsWhiteSpace(span[end]))
            || !DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            // Not a date line (or an impossible date such as 2019-13-45): leave the text untouched.
            return false;
        }

        // The rest of the line is body text ("date 2019-11-01 New Delhi: ..."), so only spaces are eaten.
        while (end < span.Length && span[end] is ' ' or '\t')
        {
            end++;
        }

        bodyStart = end;
        return true;
    }

    /// <summary>Finds the first <c># Heading</c> line (exactly one '#') and removes it from the body.</summary>
    private static bool TryTakeHeading(
        string body,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? heading,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? remaining)
    {
        int position = 0;
        int lineStart = 0;
        while (TryReadLine(body, ref position, out ReadOnlySpan<char> line))
        {
            ReadOnlySpan<char> text = line.TrimStart();
            if (text.Length > 2 && text[0] == '#' && text[1] is ' ' or '\t')
            {
                // Drop an optional closing sequence: "# Title #" → "Title".
                ReadOnlySpan<char> value = text[2..].Trim();
                ReadOnlySpan<char> withoutClosing = value.TrimEnd('#');
                if (withoutClosing.Length < value.Length && (withoutClosing.IsEmpty || char.IsWhiteSpace(withoutClosing[^1])))
                {
                    value = withoutClosing.TrimEnd();
                }

                if (!value.IsEmpty)
                {
                    heading = value.ToString();
                    remaining = string.Concat(body.AsSpan(0, lineStart), body.AsSpan(position));
                    return true;
                }
            }

            lineStart = position;
        }

        heading = null;
        remaining = null;
        return false;
    }

    private static DateOnly? ParseDate(string? value)
    {
        if (value is null || value.Length < DateFormat.Length
            || !DateOnly.TryParseExact(value.AsSpan(0, DateFormat.Length), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return null;
        }

        // A timestamp ("2019-11-01T10:00:00Z") keeps the calendar date as written; the rest must still be valid.
        return value.Length == DateFormat.Length
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            ? date
            : null;
    }

    private static string Unquote(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || value[0] != value[^1] || value[0] is not ('"' or '\''))
        {
            return value.ToString();
        }

        char quote = value[0];
        ReadOnlySpan<char> inner = value[1..^1];
        var builder = new StringBuilder(inner.Length);
        for (int i = 0; i < inner.Length; i++)
        {
            char c = inner[i];
            // YAML escapes: '' inside single quotes, backslash escapes inside double quotes.
            if (quote == '\'' && c == '\'' && i + 1 < inner.Length && inner[i + 1] == '\'')
            {
                i++;
            }
            else if (quote == '"' && c == '\\' && i + 1 < inner.Length)
            {
                i++;
                c = inner[i] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    _ => inner[i],
                };
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>Reads one line (without its \n, \r\n or \r terminator) and advances past the terminator.</summary>
    private static bool TryReadLine(string text, ref int position, out ReadOnlySpan<char> line)
    {
        if (position >= text.Length)
        {
            line = default;
            return false;
        }

        int end = text.AsSpan(position).IndexOfAny('\r', '\n');
        if (end < 0)
        {
            line = text.AsSpan(position);
            position = text.Length;
            return true;
        }

        line = text.AsSpan(position, end);
        position += end + 1;
        if (text[position - 1] == '\r' && position < text.Length && text[position] == '\n')
        {
            position++;
        }

        return true;
    }
}
