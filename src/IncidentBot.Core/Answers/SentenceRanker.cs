using System.Globalization;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Synonyms;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IncidentBot.Core.Answers;

/// <summary>
/// First stage: one BM25 query over the sentence and its paragraph finds candidate
/// evidence sentences; the question's words are looked up in the index vocabulary first, and a word
/// the index has never seen is replaced by its nearest spellings (typo tolerance). Second stage: the
/// candidates are re-ranked with evidence BM25 does not see (<see cref="RankingFeatures"/>).
/// </summary>
internal sealed class SentenceRanker(Analyzer questionAnalyzer, RankingOptions weights, Func<SynonymMap>? synonyms = null)
{
    /// <param name="searcher">The snapshot to search.</param>
    /// <param name="question">The sanitized question.</param>
    /// <param name="asOf">Only sentences of documents dated on or before this day (undated documents are left out).</param>
    public (AnalyzedQuestion Question, IReadOnlyList<RankedSentence> Candidates) Rank(IncidentSearcher searcher, string question, DateOnly? asOf = null)
    {
        var (found, order) = AnalyzeQuestion(searcher, question);
        var terms = SynonymExpansion.Apply(found, synonyms?.Invoke() ?? SynonymMap.Empty, searcher.IndexReader);
        var analyzed = new AnalyzedQuestion(terms, order, ExpectedAnswer.Of(question));
        if (!analyzed.Terms.Any(t => t.IsKnown))
        {
            return (analyzed, []);
        }

        var query = BuildQuery(analyzed.Terms);

        // A filter, not a check after retrieval: later documents must not crowd the earlier ones out of the top N.
        var top = asOf is { } cutoff
            ? searcher.Search(query, TermRangeFilter.NewStringRange(IndexFields.Date, null, cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), includeLower: true, includeUpper: true), weights.Candidates)
            : searcher.Search(query, weights.Candidates);
        if (top.ScoreDocs.Length == 0)
        {
            return (analyzed, []);
        }

        var table = searcher.Sentences;
        var maxScore = top.ScoreDocs[0].Score;
        var phrases = new Dictionary<ParagraphEntry, double>(ReferenceEqualityComparer.Instance);
        var scored = new List<(SentenceEntry Entry, RankingFeatures Features)>(top.ScoreDocs.Length);
        foreach (var hit in top.ScoreDocs)
        {
            if (table[hit.Doc] is not { } entry)
            {
                continue;
            }

            // Candidates often share a paragraph; its phrase evidence is the same for all of them.
            if (!phrases.TryGetValue(entry.ParagraphEntry, out var phrase))
            {
                phrases[entry.ParagraphEntry] = phrase = SentenceEvidence.ParagraphPhrase(analyzed, entry.ParagraphEntry);
            }

            scored.Add((entry, SentenceEvidence.Compute(analyzed, entry, hit.Score / maxScore, table.AverageLength, phrase)));
        }

        // Like the first stage's score, the sentence's own BM25 counts relative to the best candidate's.
        var bestMatch = scored.Count == 0 ? 0 : scored.Max(s => s.Features.SentenceMatch);
        var candidates = new List<RankedSentence>(scored.Count);
        foreach (var (entry, features) in scored)
        {
            var relative = features with { SentenceMatch = bestMatch > 0 ? features.SentenceMatch / bestMatch : 0 };
            candidates.Add(new RankedSentence(entry, relative.Score(weights)) { Features = relative });
        }

        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        return (analyzed, candidates);
    }

    /// <summary>The question's distinct terms, and the order they occur in (positions in the list, repeats kept).</summary>
    private (List<QuestionTerm> Terms, List<int> Order) AnalyzeQuestion(IncidentSearcher searcher, string question)
    {
        var reader = searcher.IndexReader;
        var sentenceCount = Math.Max(1, reader.GetDocCount(IndexFields.Text));
        var terms = new List<QuestionTerm>();
        var order = new List<int>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var typeWords = ExpectedAnswer.AnswerTypeWords(question);
        foreach (var (term, span) in TermMatcher.Tokens(questionAnalyzer, question))
        {
            if (typeWords.Contains(span))
            {
                continue;
            }

            if (seen.TryGetValue(term, out var known))
            {
                order.Add(known);
                continue;
            }

            seen[term] = terms.Count;
            order.Add(terms.Count);
            var surface = question.Substring(span.Start, span.Length);
            var docFreq = reader.DocFreq(new Term(IndexFields.Text, term));
            IReadOnlyList<string> expansions = docFreq > 0 ? [term] : NearSpellings(searcher.Vocabulary, term, surface.Length, out docFreq);
            terms.Add(new QuestionTerm(term, surface, expansions, Idf(docFreq, sentenceCount))
            {
                IsName = span.Start > 0 && char.IsUpper(surface[0]),
                Related = weights.RelatedWords > 0 ? RelatedWords.Default.Of(term) : [],
            });
        }

        return (terms, order);
    }

    /// <summary>Indexed terms within one or two edits of a term the index lacks (longer words allow more edits).</summary>
    /// <remarks>Lengths are those of the typed word: a typo can shorten the stem ("usres" stems to "usr").</remarks>
    private static List<string> NearSpellings(TermVocabulary vocabulary, string term, int typedLength, out int docFreq)
    {
        docFreq = 0;
        if (typedLength < 4 || term.Length < 3 || term.Any(char.IsDigit))
        {
            // Short words and numbers have too many near neighbours to guess from.
            return [];
        }

        var nearest = vocabulary.NearestSpellings(term, maxEdits: typedLength >= 8 ? 2 : 1, limit: 3);
        docFreq = nearest.Count == 0 ? 0 : nearest.Max(n => n.DocFreq);
        return nearest.Select(n => n.Term).ToList();
    }

    private BooleanQuery BuildQuery(IReadOnlyList<QuestionTerm> terms)
    {
        var query = new BooleanQuery(disableCoord: true);
        var searched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var factor = term.Expansions.Count == 1 && term.Expansions[0] == term.Term ? 1f : weights.Fuzzy;
            foreach (var expansion in term.Expansions)
            {
                AddClause(query, IndexFields.Text, expansion, weights.Sentence * factor);
                AddClause(query, IndexFields.Paragraph, expansion, weights.Paragraph * factor);
            }

            // An alias's synonyms hang on each of its words: search each only once.
            foreach (var synonym in term.Synonyms.Where(searched.Add))
            {
                AddClause(query, IndexFields.Text, synonym, weights.Sentence * weights.Synonym);
                AddClause(query, IndexFields.Paragraph, synonym, weights.Paragraph * weights.Synonym);
            }

            foreach (var phrase in term.SynonymPhrases.Where(p => searched.Add(string.Join(' ', p))))
            {
                AddPhrase(query, IndexFields.Text, phrase, weights.Sentence * weights.Synonym);
                AddPhrase(query, IndexFields.Paragraph, phrase, weights.Paragraph * weights.Synonym);
            }
        }

        return query;
    }

    private static void AddClause(BooleanQuery query, string field, string term, float boost)
    {
        if (boost > 0)
        {
            query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }
    }

    private static void AddPhrase(BooleanQuery query, string field, IReadOnlyList<string> terms, float boost)
    {
        if (boost <= 0)
        {
            return;
        }

        var phrase = new PhraseQuery { Boost = boost };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        query.Add(phrase, Occur.SHOULD);
    }

    /// <summary>BM25's inverse document frequency; a word in no sentence counts as the rarest.</summary>
    private static double Idf(int docFreq, int docCount) =>
        Math.Log(1 + ((docCount - docFreq + 0.5) / (docFreq + 0.5)));
}
