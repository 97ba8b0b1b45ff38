using System.Buffers;
using System.Globalization;
using System.Text;

namespace IncidentBot.Core.Documents;

/// <summary>
/// Rule-based English sentence splitter tuned for news and Wikipedia prose.
/// </summary>
/// <remarks>
/// <para>
/// The paragraph is whitespace-normalised and cut only at spaces, so tokens such as
/// <c>3.14</c>, <c>U.S.</c> or <c>pic.twitter.com/x</c> can never be split internally and
/// joining the sentences with single spaces gives back the normalised paragraph.
/// </para>
/// <para>
/// A cut is made after a token ending in <c>. ? ! … ...</c> (optionally followed by closing
/// quotes or brackets, which stay with the sentence) when the next word looks like a sentence
/// start. The decision is a linear scan with small lookups: no regular expressions, no backtracking.
/// </para>
/// </remarks>
public static class SentenceSplitter
{
    private const string Openers = "\"'“‘„‚«‹([{*_¿¡";
    private const string Closers = "\"'”’»›)]}*_";
    private const string ClosersAndSpace = Closers + " ";
    private const string WordEdgePunctuation = "\"'“”‘’„‚«»‹›()[]{}*_¿¡,;:.!?…";

    // Like WordEdgePunctuation but without '.', so the inner dots of "U.S" survive trimming.
    private const string AbbreviationEdgePunctuation = "\"'“”‘’„‚«»‹›()[]{}*_¿¡,;:!?…";

    private static readonly SearchValues<char> RomanDigits = SearchValues.Create("IVXLCDM");
    private static readonly SearchValues<char> OpenerValues = SearchValues.Create(Openers);
    private static readonly SearchValues<char> CloserValues = SearchValues.Create(Closers);

    /// <summary>
    /// Splits a paragraph into trimmed, non-empty sentences. Whitespace runs (including line breaks)
    /// become single spaces; text without final punctuation forms the last sentence.
    /// </summary>
    public static IReadOnlyList<string> Split(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);

        string text = NormalizeWhitespace(paragraph);
        if (text.Length == 0)
        {
            return [];
        }

        List<Range> tokens = Tokenize(text);
        var sentences = new List<string>();
        int sentenceStart = 0;
        for (int i = 0; i < tokens.Count - 1; i++)
        {
            if (IsBoundaryAfter(text, tokens, i, sentenceStart))
            {
                sentences.Add(text[tokens[sentenceStart].Start..tokens[i].End]);
                sentenceStart = i + 1;
            }
        }

        sentences.Add(text[tokens[sentenceStart].Start..]);
        return sentences;
    }

    private static string NormalizeWhitespace(string input)
    {
        if (IsNormalized(input))
        {
            return input;
        }

        var builder = new StringBuilder(input.Length);
        bool pendingSpace = false;
        foreach (char c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="input"/> has only single inner spaces (the usual case from ParagraphReader).</summary>
    private static bool IsNormalized(string input)
    {
        if (input.Length == 0 || input[0] == ' ' || input[^1] == ' ')
        {
            return input.Length == 0;
        }

        for (int i = 0; i < input.Length; i++)
        {
            char c = input[i];
            if ((c == ' ' && input[i + 1] == ' ') || (c != ' ' && char.IsWhiteSpace(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static List<Range> Tokenize(string text)
    {
        var tokens = new List<Range>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                tokens.Add(new Range(start, i));
                start = i + 1;
            }
        }

        return tokens;
    }

    private static bool IsBoundaryAfter(string text, List<Range> tokens, int index, int sentenceStart)
    {
        // Fast path: most tokens end in a letter, digit or comma and can never end a sentence.
        char last = text[tokens[index].End.Value - 1];
        if (!IsTerminal(last) && !CloserValues.Contains(last))
        {
            return false;
        }

        // A detached closing quote/bracket ("stop. ” Then") belongs to the sentence it closes,
        // so the decision is deferred to that closer token.
        if (IsOnly(text.AsSpan()[tokens[index + 1]], CloserValues))
        {
            return false;
        }

        ReadOnlySpan<char> token = text.AsSpan()[tokens[index]];
        if (IsOnly(token, CloserValues) && index > sentenceStart)
        {
            token = text.AsSpan(tokens[index - 1].Start.Value, tokens[index].End.Value - tokens[index - 1].Start.Value);
        }

        ReadOnlySpan<char> core = token.TrimEnd(ClosersAndSpace);
        int runStart = core.Length;
        while (runStart > 0 && IsTerminal(core[runStart - 1]))
        {
            runStart--;
        }

        ReadOnlySpan<char> run = core[runStart..];
        if (run.IsEmpty)
        {
            return false;
        }

        NextKind next = ClassifyNext(text, tokens, index + 1, out ReadOnlySpan<char> nextWord);

        if (run.ContainsAny('?', '!'))
        {
            // "Why?" he asked. -> one sentence; "Why? Because..." -> two.
            return next is NextKind.Capital or NextKind.Digit;
        }

        if (run.Contains('…') || run.Length > 1)
        {
            // Ellipses often mark an omission inside a sentence ("revealed that ... officials"),
            // so only a capitalised word after them starts a new sentence.
            return next == NextKind.Capital;
        }

        // A single full stop. Lowercase continuations ("approx. five") and symbols never start a sentence.
        if (next is NextKind.Lower or NextKind.Other)
        {
            return false;
        }

        ReadOnlySpan<char> word = LastWord(core[..runStart]);

        // A list marker such as "1." or "a." alone is not a sentence of its own.
        if (index == sentenceStart && word.Length <= 3 && (IsAllDigits(word) || (word.Length == 1 && char.IsLetter(word[0]))))
        {
            return false;
        }

        return SentenceAbbreviations.Classify(word, next == NextKind.Digit || IsRomanNumeral(nextWord)) switch
        {
            AbbreviationKind.NeverEnds => false,
            AbbreviationKind.Initial => next == NextKind.Capital && nextWord.Length > 1 && SentenceAbbreviations.IsSentenceStarter(nextWord),
            AbbreviationKind.MayEnd => next == NextKind.Capital && SentenceAbbreviations.IsSentenceStarter(nextWord),
            _ => true,
        };
    }

    private static NextKind ClassifyNext(string text, List<Range> tokens, int index, out ReadOnlySpan<char> bareWord)
    {
        // Skip detached opening quotes/brackets ("stop. “ Since") to reach the first real word.
        ReadOnlySpan<char> token = text.AsSpan()[tokens[index]];
        while (IsOnly(token, OpenerValues) && index + 1 < tokens.Count)
        {
            index++;
            token = text.AsSpan()[tokens[index]];
        }

        ReadOnlySpan<char> word = token.TrimStart(Openers);
        bareWord = word.TrimEnd(WordEdgePunctuation);
        if (word.IsEmpty)
        {
            return NextKind.Other;
        }

        char first = word[0];
        if (char.IsLower(first))
        {
            // "breach. pic.twitter.com/abc" — a link starts its own sentence even in lowercase.
            return LinkDetector.IsLink(word) ? NextKind.Capital : NextKind.Lower;
        }

        if (char.IsUpper(first) || char.IsLetter(first))
        {
            return NextKind.Capital;
        }

        if (char.IsDigit(first) || char.GetUnicodeCategory(first) == UnicodeCategory.CurrencySymbol)
        {
            return NextKind.Digit;
        }

        return NextKind.Other;
    }

    /// <summary>The part of a token that an abbreviation check applies to ("non-U.S" → "U.S").</summary>
    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> span)
    {
        int cut = span.LastIndexOfAny("-/–—");
        if (cut >= 0)
        {
            span = span[(cut + 1)..];
        }

        return span.Trim(AbbreviationEdgePunctuation);
    }

    private static bool IsTerminal(char c) => c is '.' or '?' or '!' or '…';

    private static bool IsOnly(ReadOnlySpan<char> span, SearchValues<char> chars) => !span.IsEmpty && !span.ContainsAnyExcept(chars);

    private static bool IsAllDigits(ReadOnlySpan<char> span) => !span.IsEmpty && !span.ContainsAnyExceptInRange('0', '9');

    /// <summary>"Vol. II", "Ch. IV": uppercase Roman numerals act like numbers after a numbering abbreviation.</summary>
    private static bool IsRomanNumeral(ReadOnlySpan<char> word) => !word.IsEmpty && !word.ContainsAnyExcept(RomanDigits);

    private enum NextKind
    {
        Capital,
        Lower,
        Digit,
        Other,
    }
}
