using IncidentBot.Core.Answers;
using Lucene.Net.Analysis;

namespace IncidentBot.Core.Synonyms;

/// <summary>
/// Synonyms and aliases in Solr's format, analysed like questions, for expanding questions at query time:
/// <c>NSO, NSO Group, Q Cyber Technologies</c> makes each of them also search for the others;
/// <c>Pegasus =&gt; spyware</c> makes "Pegasus" also search for "spyware" (one way). Lines starting with
/// <c>#</c> and blank lines are ignored.
/// </summary>
/// <remarks>
/// Applied to questions only, never at index time: the index needs no rebuild when the file changes, and the
/// words of the documents stay as written (highlights show what really matched).
/// </remarks>
public sealed class SynonymMap
{
    /// <summary>Each rule: when all of <c>From</c>'s terms occur in the question in order, also search for <c>To</c>.</summary>
    private readonly List<(string[] From, string[] To)> _rules;

    private SynonymMap(List<(string[] From, string[] To)> rules) => _rules = rules;

    public static SynonymMap Empty { get; } = new([]);

    /// <summary>How many one-way rules the file gave (an equivalence of n entries gives n × (n − 1)).</summary>
    public int RuleCount => _rules.Count;

    /// <summary>Parses <paramref name="text"/>; lines that cannot be used are skipped and described in <paramref name="warnings"/>.</summary>
    public static SynonymMap Parse(string text, Analyzer analyzer, out IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(analyzer);
        var problems = new List<string>();
        var rules = new List<(string[] From, string[] To)>();
        var lineNumber = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var left = Entries(arrow < 0 ? line : line[..arrow], analyzer);
            var right = arrow < 0 ? left : Entries(line[(arrow + 2)..], analyzer);
            if (left.Count == 0 || right.Count == 0 || (arrow < 0 && left.Count < 2) || line.IndexOf("=>", arrow + 2, StringComparison.Ordinal) >= 0)
            {
                problems.Add($"synonyms line {lineNumber}: \"{Shorten(line)}\" needs two or more entries (a, b, c) or a rule (a => b)");
                continue;
            }

            foreach (var from in left)
            {
                foreach (var to in right)
                {
                    if (!from.SequenceEqual(to, StringComparer.Ordinal))
                    {
                        rules.Add((from, to));
                    }
                }
            }
        }

        warnings = problems;
        return new SynonymMap(rules);
    }

    /// <summary>
    /// The rules whose source occurs in <paramref name="questionTerms"/> (the question's analysed terms in order),
    /// as the matched part of the question and what to search for besides it; targets the question already has
    /// in full, and repeated targets, are left out.
    /// </summary>
    public IReadOnlyList<(IReadOnlyList<string> From, IReadOnlyList<string> To)> Matches(IReadOnlyList<string> questionTerms)
    {
        ArgumentNullException.ThrowIfNull(questionTerms);
        var found = new List<(IReadOnlyList<string> From, IReadOnlyList<string> To)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (from, to) in _rules)
        {
            if (Occurs(from, questionTerms) && !to.All(questionTerms.Contains) && seen.Add(string.Join(' ', to)))
            {
                found.Add((from, to));
            }
        }

        return found;
    }

    private static bool Occurs(string[] sequence, IReadOnlyList<string> terms)
    {
        for (var start = 0; start + sequence.Length <= terms.Count; start++)
        {
            var match = true;
            for (var i = 0; i < sequence.Length && match; i++)
            {
                match = terms[start + i] == sequence[i];
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The comma-separated entries as analysed term sequences; entries of only stop words drop out.</summary>
    private static List<string[]> Entries(string part, Analyzer analyzer) =>
        part.Split(',')
            .Select(entry => TermMatcher.Tokens(analyzer, entry.Trim()).Select(t => t.Term).ToArray())
            .Where(terms => terms.Length > 0)
            .ToList();

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
