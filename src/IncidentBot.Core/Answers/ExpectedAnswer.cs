using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Answers;

/// <summary>
/// Reads what a question asks for from its question word: "when" a date, "how many" a number, "who" a name,
/// "where" a name or a place (<see cref="TokenKind.None"/> when it does not say), and which of its words only
/// name that kind ("what [year]", "which [type] of").
/// </summary>
internal static class ExpectedAnswer
{
    private static readonly string[] QuestionWords = ["what", "which", "who", "whom", "whose", "when", "where", "how", "why"];

    /// <summary>Words after "what"/"which" that ask for a date ("in what year", "which century").</summary>
    private static readonly HashSet<string> DateNouns = new(StringComparer.Ordinal)
    {
        "year", "years", "century", "centuries", "decade", "decades", "date", "day", "month", "era",
    };

    /// <summary>Words after "what"/"which" that ask for a quantity ("what percentage").</summary>
    private static readonly HashSet<string> NumberNouns = new(StringComparer.Ordinal)
    {
        "percentage", "percent", "number", "amount", "proportion", "share", "fraction",
    };

    /// <summary>Words after "what"/"which" + "of" that ask for a category ("what kind of").</summary>
    private static readonly HashSet<string> KindNouns = new(StringComparer.Ordinal)
    {
        "kind", "kinds", "type", "types", "sort",
    };

    /// <summary>Words after "how" that ask for a quantity ("how many", "how long", "how old").</summary>
    private static readonly HashSet<string> QuantityAdverbs = new(StringComparer.Ordinal)
    {
        "many", "much", "long", "old", "far", "large", "big", "tall", "high", "often", "wide", "deep", "heavy", "fast",
    };

    /// <summary>The expected kind of answer to <paramref name="question"/>, judged from its first question word.</summary>
    public static TokenKind Of(string question)
    {
        var words = Words(question);
        var at = words.FindIndex(w => Array.IndexOf(QuestionWords, w.Word) >= 0);
        if (at < 0)
        {
            return TokenKind.None;
        }

        var next = at + 1 < words.Count ? words[at + 1].Word : string.Empty;
        return words[at].Word switch
        {
            "when" => TokenKind.Date,
            "who" or "whom" or "whose" => TokenKind.Name,
            "where" => TokenKind.Name | TokenKind.Place,
            "how" when QuantityAdverbs.Contains(next) => TokenKind.Number,
            "what" or "which" when DateNouns.Contains(next) => TokenKind.Date,
            "what" or "which" when NumberNouns.Contains(next) => TokenKind.Number,
            _ => TokenKind.None,
        };
    }

    /// <summary>
    /// Where the words are that only name the kind of answer ("what [year]", "which [type] of",
    /// "what [percentage]"): they describe the answer, so the sentence holding it seldom repeats them, and
    /// searching for them finds sentences about years or types instead.
    /// </summary>
    public static List<TextSpan> AnswerTypeWords(string question)
    {
        var words = Words(question);
        var spans = new List<TextSpan>();
        for (var at = 0; at + 1 < words.Count; at++)
        {
            if (words[at].Word is not ("what" or "which"))
            {
                continue;
            }

            var next = words[at + 1];
            if (next.Span.End < question.Length && question[next.Span.End] == '-')
            {
                continue; // part of a compound ("what year-end report")
            }

            if (DateNouns.Contains(next.Word) || NumberNouns.Contains(next.Word)
                || (KindNouns.Contains(next.Word) && at + 2 < words.Count && words[at + 2].Word == "of"))
            {
                spans.Add(next.Span);
            }
        }

        return spans;
    }

    /// <summary>The words of <paramref name="text"/> (runs of letters and digits), lower-cased: "Who's" is "who", "s".</summary>
    private static List<(string Word, TextSpan Span)> Words(string text)
    {
        var words = new List<(string, TextSpan)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add((text[start..i].ToLowerInvariant(), new TextSpan(start, i - start)));
                start = -1;
            }
        }

        return words;
    }
}
