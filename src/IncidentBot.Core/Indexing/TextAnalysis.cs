using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace IncidentBot.Core.Indexing;

/// <summary>
/// Analysis shared by indexing and querying. Both sides must stem the same way or terms never meet,
/// so the question analyser is the index chain with a larger stop list (question words carry no evidence).
/// </summary>
public static class TextAnalysis
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Field name passed to analysers outside indexing; every field shares one chain.</summary>
    internal const string FieldName = "text";

    /// <summary>Words that shape a question but never appear as evidence for it.</summary>
    private static readonly string[] QuestionWords =
    [
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how",
        "do", "does", "did", "done", "doing", "is", "are", "was", "were", "am", "be", "been", "being",
        "has", "have", "had", "having", "can", "could", "would", "should", "may", "might", "must", "shall",
        "i", "me", "my", "you", "your", "we", "us", "our", "he", "him", "his", "she", "her", "its", "it's",
        "from", "about", "than", "so", "some", "any", "also", "just", "very", "much", "many",
        "tell", "name", "called", "s",
    ];

    /// <summary>Index-time analysis: standard tokens, possessives, lower case, English stop words, Porter stems.</summary>
    public static Analyzer CreateIndexAnalyzer() => new EnglishAnalyzer(Version);

    /// <summary>Question analysis: the index chain with question words also removed.</summary>
    public static Analyzer CreateQuestionAnalyzer()
    {
        var stops = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet, ignoreCase: true);
        foreach (var word in QuestionWords)
        {
            stops.Add(word);
        }

        return new EnglishAnalyzer(Version, stops);
    }

    /// <summary>
    /// BM25 with a lower length normalisation than the default 0.75: sentences are short and fairly
    /// uniform, and penalising the long, information-rich ones hurts answer accuracy.
    /// </summary>
    public static Similarity CreateSimilarity() => new BM25Similarity(1.2f, 0.5f);
}
