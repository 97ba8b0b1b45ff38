namespace IncidentBot.Core.Indexing;

/// <summary>
/// What an indexed token looks like on the page, for answer typing: a question asking "when" wants a
/// sentence holding a date, "how many" a number, "who" a name, "where" a name or a place.
/// </summary>
[Flags]
internal enum TokenKind : byte
{
    None = 0,

    /// <summary>Capitalised inside the sentence: a name of a person, organisation or place, or an acronym.</summary>
    Name = 1,

    /// <summary>A numeral or a number word ("24", "1.2", "nine", "million").</summary>
    Number = 2,

    /// <summary>A year, decade, month or weekday ("1995", "1960s", "February", "Friday").</summary>
    Date = 4,

    /// <summary>A word (not a number) after a preposition of place, possibly past an article: "in [the] office".</summary>
    Place = 8,
}
