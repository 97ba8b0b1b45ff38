namespace IncidentBot.Core.Documents;

/// <summary>
/// Recognises links, e-mail addresses and bare domains ("pic.twitter.com/x", "example.com"),
/// which <see cref="SentenceSplitter"/> treats as sentence starts even though they are lowercase.
/// </summary>
internal static class LinkDetector
{
    private const string TrailingPunctuation = "\"'”’»›)]}*_,;:.!?…";

    /// <summary>True for a token that looks like a URL, an e-mail address or a bare domain name.</summary>
    public static bool IsLink(ReadOnlySpan<char> word)
    {
        if (word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int at = word.IndexOf('@');
        if (at > 0 && word[(at + 1)..].Contains('.'))
        {
            return true;
        }

        // Bare domain ("example.com", "pic.twitter.com/x"): dotted labels ending in a 2+ letter TLD.
        int slash = word.IndexOf('/');
        ReadOnlySpan<char> host = (slash >= 0 ? word[..slash] : word).TrimEnd(TrailingPunctuation);
        int labels = 0;
        bool lastIsTld = false;
        foreach (Range label in host.Split('.'))
        {
            ReadOnlySpan<char> part = host[label];
            if (part.IsEmpty)
            {
                return false;
            }

            foreach (char c in part)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }

            labels++;
            lastIsTld = part.Length >= 2 && IsAllAsciiLetters(part);
        }

        return labels >= 2 && lastIsTld;
    }

    private static bool IsAllAsciiLetters(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
