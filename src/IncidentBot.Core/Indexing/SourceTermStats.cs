namespace IncidentBot.Core.Indexing;

/// <summary>
/// How many sentences of one source document hold each term, for weighing question words by how rare
/// they are within that document ("article-local" IDF).
/// </summary>
/// <remarks>
/// Most wrong answers come from the right document but the wrong paragraph: there a word like the
/// document's subject ("Tesla" in an article about him) matches everywhere and tells nothing, while a
/// word that is rare in the corpus and in the document singles out the passage. Corpus IDF cannot tell
/// the two apart; the document's own counts can.
/// </remarks>
internal sealed class SourceTermStats
{
    private readonly Dictionary<string, int> _docFreq;

    public SourceTermStats(int sentences, Dictionary<string, int> docFreq)
    {
        Sentences = sentences;
        _docFreq = docFreq;
    }

    public static SourceTermStats Empty { get; } = new(0, []);

    /// <summary>Sentences of the document.</summary>
    public int Sentences { get; }

    /// <summary>BM25's inverse document frequency of <paramref name="term"/> among the document's sentences.</summary>
    public double Idf(string term)
    {
        var docFreq = _docFreq.GetValueOrDefault(term);
        return Math.Log(1 + ((Sentences - docFreq + 0.5) / (docFreq + 0.5)));
    }

    /// <summary>Counts the terms of each sentence of one document.</summary>
    public static SourceTermStats Count(IEnumerable<IReadOnlySet<string>> sentences)
    {
        var docFreq = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var terms in sentences)
        {
            count++;
            foreach (var term in terms)
            {
                docFreq[term] = docFreq.GetValueOrDefault(term) + 1;
            }
        }

        return new SourceTermStats(count, docFreq);
    }
}
