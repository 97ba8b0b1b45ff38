using System.Collections.Frozen;
using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Indexing;

/// <summary>Tells the <see cref="TokenKind"/> of a token from its surface form and the words before it.</summary>
internal static class TokenClassifier
{
    private static readonly FrozenSet<string> NumberWords = Set(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
        "million", "millions", "billion", "billions", "trillion", "dozen", "dozens", "half", "twice", "once");

    private static readonly FrozenSet<string> CalendarWords = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private static readonly FrozenSet<string> PlacePrepositions = Set(
        "in", "at", "near", "within", "inside", "outside", "from", "to", "into", "across", "throughout", "around",
        "between", "along");

    private static readonly FrozenSet<string> Determiners = Set(
        "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those");

    /// <summary>Opening words that refer back to the sentence before ("It was held at...", "They escorted him...").</summary>
    private static readonly FrozenSet<string> Pronouns = Set(
        "it", "he", "she", "they", "this", "these", "those", "its", "his", "her", "their", "such", "there", "that");

    /// <summary>The kind of the token at <paramref name="span"/> of <paramref name="text"/>.</summary>
    public static TokenKind Classify(string text, TextSpan span)
    {
        var surface = text.AsSpan(span.Start, span.Length);
        var kind = TokenKind.None;
        if (surface.ContainsAnyInRange('0', '9'))
        {
            kind |= IsYear(surface) ? TokenKind.Number | TokenKind.Date : TokenKind.Number;
        }
        else if (Contains(NumberWords, surface))
        {
            kind |= TokenKind.Number;
        }

        if (Contains(CalendarWords, surface))
        {
            kind |= TokenKind.Date;
        }
        else if (char.IsUpper(surface[0]) && span.Start > 0)
        {
            // The first word of a sentence is capitalised whatever it is, so it is no evidence of a name.
            kind |= TokenKind.Name;
        }

        if ((kind & TokenKind.Number) == 0 && AfterPlacePreposition(text, span.Start))
        {
            kind |= TokenKind.Place;
        }

        return kind;
    }

    /// <summary>True when <paramref name="text"/> opens with a pronoun or demonstrative that points back.</summary>
    public static bool OpensWithPronoun(string text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end > 0 && Contains(Pronouns, text.AsSpan(0, end));
    }

    /// <summary>"1995", "1960s", "1990's": three or four digits (a year of the common era), optionally a decade.</summary>
    private static bool IsYear(ReadOnlySpan<char> surface)
    {
        var digits = surface.TrimEnd("'s");
        return digits.Length is 3 or 4 && !digits.ContainsAnyExceptInRange('0', '9') && digits[0] != '0';
    }

    /// <summary>True when the word before <paramref name="start"/>, or the one before an article there, is a preposition of place.</summary>
    private static bool AfterPlacePreposition(string text, int start)
    {
        for (var words = 0; words < 2; words++)
        {
            var end = start;
            while (end > 0 && text[end - 1] == ' ')
            {
                end--;
            }

            var begin = end;
            while (begin > 0 && char.IsLetter(text[begin - 1]))
            {
                begin--;
            }

            var word = text.AsSpan(begin, end - begin);
            if (word.IsEmpty || Contains(PlacePrepositions, word))
            {
                return !word.IsEmpty;
            }

            if (!Contains(Determiners, word))
            {
                return false;
            }

            start = begin;
        }

        return false;
    }

    private static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
