using System.Diagnostics;
using IncidentBot.Core.Indexing;
using Lucene.Net.Analysis;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Answers;

/// <summary>Answers questions from the current index: validation, retrieval, re-ranking, composition.</summary>
public sealed class AnswerEngine : IDisposable
{
    public const int DefaultCitations = 5;
    public const int MaxCitations = 20;

    private readonly IncidentIndex _index;
    private readonly Analyzer _questionAnalyzer = TextAnalysis.CreateQuestionAnalyzer();
    private readonly Analyzer _textAnalyzer = TextAnalysis.CreateIndexAnalyzer();
    private readonly SentenceRanker _ranker;
    private readonly AnswerComposer _composer;

    public AnswerEngine(IncidentIndex index, IOptions<RankingOptions>? options = null)
    {
        _index = index;
        var ranking = options?.Value ?? new RankingOptions();
        _ranker = new SentenceRanker(_questionAnalyzer, ranking);
        _composer = new AnswerComposer(_textAnalyzer, ranking);
    }

    /// <summary>Answers <paramref name="question"/> with up to <paramref name="citations"/> citations.</summary>
    public AskResult Ask(string? question, int citations = DefaultCitations)
    {
        var stopwatch = Stopwatch.StartNew();
        var (cleaned, error) = QuestionSanitizer.Sanitize(question);
        if (cleaned is null)
        {
            return AskResult.Failure(error!);
        }

        if (!_index.IsReady)
        {
            return AskResult.Failure("The index is not ready yet; try again in a moment.");
        }

        var top = Math.Clamp(citations, 1, MaxCitations);
        var (terms, candidates) = _index.Search(searcher => _ranker.Rank(searcher, cleaned));
        var answer = _composer.Compose(cleaned, terms, candidates, top);
        return AskResult.Success(answer with { ElapsedMs = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 3) });
    }

    public void Dispose()
    {
        _questionAnalyzer.Dispose();
        _textAnalyzer.Dispose();
    }
}
