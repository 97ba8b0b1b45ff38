using System.Collections.Frozen;
using System.IO.Compression;
using IncidentBot.Core.Indexing;
using Lucene.Net.Analysis;

namespace IncidentBot.Core.Answers;

/// <summary>
/// Words related to a word in form or meaning, as index terms: its derivations ("invade", "invasion"),
/// irregular forms ("win", "won"; the stemmer cannot join them) and the synonyms of its commonest senses
/// ("provide", "furnish"). From WordNet 3.0, built by <c>RelatedWords.build.py</c> beside this file.
/// </summary>
/// <remarks>
/// People ask in their own words: "When did Tesla's father die?" is answered by "...his father's death in
/// 1879", and no stemmer brings "die" and "death" together. Coverage features only count a word found as
/// it is; this table lets the re-rank credit the sentence that says the same thing another way
/// (<see cref="RankingFeatures.RelatedWords"/>). The table is shipped compressed in the assembly (~300 KB,
/// ~23k words) and analysed once per process, with the index analyser so its terms meet the index's.
/// </remarks>
internal sealed class RelatedWords
{
    private const string ResourceName = "IncidentBot.Core.Answers.RelatedWords.txt.gz";

    private static readonly Lazy<RelatedWords> Shared = new(LoadShipped);

    private readonly FrozenDictionary<string, string[]> _related;

    private RelatedWords(FrozenDictionary<string, string[]> related) => _related = related;

    /// <summary>The shipped table (loaded on first use).</summary>
    public static RelatedWords Default => Shared.Value;

    /// <summary>Index terms with at least one related term.</summary>
    public int Count => _related.Count;

    /// <summary>The index terms related to <paramref name="term"/> (an index term), never itself.</summary>
    public IReadOnlyList<string> Of(string term) => _related.TryGetValue(term, out var related) ? related : [];

    /// <summary>
    /// Reads lines of "word TAB related words separated by spaces"; words are analysed with
    /// <paramref name="analyzer"/>, and a word that is not exactly one term (a stop word) is left out.
    /// </summary>
    public static RelatedWords Load(TextReader lines, Analyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var stems = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Stem(string word)
        {
            if (!stems.TryGetValue(word, out var stem))
            {
                var tokens = TermMatcher.Tokens(analyzer, word);
                stems[word] = stem = tokens.Count == 1 ? tokens[0].Term : null;
            }

            return stem;
        }

        // Words sharing a stem ("provide", "provided") share their relations.
        var related = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        while (lines.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || Stem(line[..tab]) is not { } term)
            {
                continue;
            }

            if (!related.TryGetValue(term, out var terms))
            {
                related[term] = terms = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (var word in line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Stem(word) is { } other && other != term)
                {
                    terms.Add(other);
                }
            }
        }

        return new RelatedWords(related
            .Where(r => r.Value.Count > 0)
            .ToFrozenDictionary(r => r.Key, r => r.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));
    }

    private static RelatedWords LoadShipped()
    {
        using var stream = typeof(RelatedWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the assembly.");
        using var unzipped = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(unzipped);
        using var analyzer = TextAnalysis.CreateIndexAnalyzer();
        return Load(reader, analyzer);
    }
}
