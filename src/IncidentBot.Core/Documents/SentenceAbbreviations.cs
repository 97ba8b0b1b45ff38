using System.Collections.Frozen;

namespace IncidentBot.Core.Documents;

/// <summary>How a word followed by a full stop behaves at a possible sentence boundary.</summary>
internal enum AbbreviationKind
{
    /// <summary>An ordinary word: the full stop ends the sentence.</summary>
    None,

    /// <summary>A title or connective ("Mr.", "e.g.") that is always followed by more of the sentence.</summary>
    NeverEnds,

    /// <summary>An abbreviation that often ends a sentence too ("U.S.", "Inc.", "Nov.").</summary>
    MayEnd,

    /// <summary>A single capital letter, usually a name initial ("George W. Bush").</summary>
    Initial,
}

/// <summary>Abbreviation and sentence-starter tables used by <see cref="SentenceSplitter"/>.</summary>
/// <remarks>
/// Lookups are case-sensitive on purpose: "No. 5" and "Art. 21" are abbreviations, while
/// "the answer was no." and "a work of art." end sentences.
/// </remarks>
internal static class SentenceAbbreviations
{
    // Only abbreviations when a number follows ("No. 5", "Vol. II", "p. 12"); otherwise plain words.
    private static readonly FrozenSet<string> NumberPrefixes = FrozenSet.Create(
        StringComparer.Ordinal,
        "No", "Nos", "no", "Vol", "Vols", "vol", "Art", "Arts", "art", "Sec", "Secs", "sec", "Ch", "Chap", "ch",
        "Fig", "Figs", "fig", "Para", "para", "Eq", "Eqs", "Op", "op", "p", "pp", "Pt", "pt", "Ex", "Nr", "nr");

    // Titles and connectives: a sentence practically never ends on them.
    private static readonly FrozenSet<string> NeverEnd = FrozenSet.Create(
        StringComparer.Ordinal,
        "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "St", "Ste", "Mt", "Ft",
        "Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Cmdr", "Adm", "Brig",
        "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Fr",
        "Dept", "Univ", "Mme", "Mlle", "Msgr", "Atty", "Ald", "Amb", "Cllr",
        "vs", "Vs", "v", "cf", "Cf", "viz", "approx", "Approx", "ca", "c", "est", "Est", "incl", "Incl",
        "e.g", "E.g", "i.e", "I.e", "esp", "Esp", "resp", "fl", "ibid", "Ibid");

    // Abbreviations that frequently close a sentence as well ("...moved to the U.S. He said").
    private static readonly FrozenSet<string> MayEnd = FrozenSet.Create(
        StringComparer.Ordinal,
        "Inc", "Ltd", "Co", "Cos", "Corp", "Bros", "Plc", "plc", "LLC", "Jr", "Sr", "Esq", "al", "Govt", "Assn",
        "Ave", "Rd", "Blvd", "Hwy", "Sq", "Pl", "Ln",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun");

    // Capitalised words that typically open a sentence; used after ambiguous abbreviations only.
    private static readonly FrozenSet<string> SentenceStarters = FrozenSet.Create(
        StringComparer.Ordinal,
        "A", "An", "The", "This", "That", "These", "Those", "There", "Here", "He", "She", "It", "They", "We", "I",
        "You", "His", "Her", "Its", "Their", "Our", "My", "Your", "But", "And", "Or", "Nor", "So", "Yet",
        "However", "Meanwhile", "Moreover", "Furthermore", "Also", "Still", "Then", "Now", "Thus", "Therefore",
        "Instead", "Indeed", "Nevertheless", "In", "On", "At", "By", "For", "From", "With", "Without", "After",
        "Before", "During", "Since", "Until", "When", "While", "Where", "What", "Why", "How", "Who", "Which",
        "Whether", "If", "As", "Although", "Though", "Despite", "According", "Some", "Many", "Most", "Several",
        "All", "Both", "Each", "Every", "Other", "Another", "One", "Such", "No", "Not", "Neither", "Earlier",
        "Later", "Today", "Yesterday", "Tomorrow", "Last", "Next", "Sources", "Officials");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberPrefixLookup =
        NumberPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverEndLookup =
        NeverEnd.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MayEndLookup =
        MayEnd.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Classifies the word before a full stop (without that final stop, e.g. "U.S").</summary>
    public static AbbreviationKind Classify(ReadOnlySpan<char> word, bool followedByNumber)
    {
        if (word.IsEmpty)
        {
            return AbbreviationKind.None;
        }

        if (NumberPrefixLookup.Contains(word))
        {
            return followedByNumber ? AbbreviationKind.NeverEnds : AbbreviationKind.None;
        }

        if (NeverEndLookup.Contains(word))
        {
            return AbbreviationKind.NeverEnds;
        }

        if (MayEndLookup.Contains(word))
        {
            return AbbreviationKind.MayEnd;
        }

        if (word.Length == 1)
        {
            return char.IsUpper(word[0]) ? AbbreviationKind.Initial : AbbreviationKind.None;
        }

        return IsDottedAbbreviation(word) ? AbbreviationKind.MayEnd : AbbreviationKind.None;
    }

    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StarterLookup.Contains(word);

    /// <summary>"U.S", "a.m", "Ph.D": two or more dot-separated groups of one or two letters.</summary>
    private static bool IsDottedAbbreviation(ReadOnlySpan<char> word)
    {
        int groups = 0;
        foreach (Range range in word.Split('.'))
        {
            ReadOnlySpan<char> group = word[range];
            if (group.IsEmpty || group.Length > 2)
            {
                return false;
            }

            foreach (char c in group)
            {
                if (!char.IsLetter(c))
                {
                    return false;
                }
            }

            groups++;
        }

        return groups >= 2;
    }
}
