using System.Diagnostics;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Synonyms;
using Lucene.Net.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Answers;

/// <summary>Answers questions from the current index: validation, retrieval, re-ranking, composition.</summary>
public sealed partial class AnswerEngine : IDisposable
{
    public const int DefaultCitations = 5;
    public const int MaxCitations = 20;

    private readonly IncidentIndex _index;
    private readonly Analyzer _questionAnalyzer = TextAnalysis.CreateQuestionAnalyzer();
    private readonly SentenceRanker _ranker;
    private readonly AnswerComposer _composer;

    private readonly ILogger<AnswerEngine> _logger;

    /// <param name="index">The index answering.</param>
    /// <param name="options">Ranking weights (defaults when null).</param>
    /// <param name="logger">Logger.</param>
    /// <param name="synonyms">The synonyms file applied to questions; none when null.</param>
    public AnswerEngine(IncidentIndex index, IOptions<RankingOptions>? options = null, ILogger<AnswerEngine>? logger = null, SynonymSource? synonyms = null)
    {
        _index = index;
        _logger = logger ?? NullLogger<AnswerEngine>.Instance;
        var ranking = options?.Value ?? new RankingOptions();
        _ranker = new SentenceRanker(_questionAnalyzer, ranking, synonyms is null ? null : () => synonyms.Current);
        _composer = new AnswerComposer(ranking);
    }

    /// <summary>Answers <paramref name="question"/> with up to <paramref name="citations"/> citations.</summary>
    /// <param name="question">The question as typed.</param>
    /// <param name="citations">How many citations to return.</param>
    /// <param name="asOf">Answer only from documents dated on or before this day ("what did we know then").</param>
    public AskResult Ask(string? question, int citations = DefaultCitations, DateOnly? asOf = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var (cleaned, error) = QuestionSanitizer.Sanitize(question);
        if (cleaned is null)
        {
            return AskResult.Failure(AskErrorKind.InvalidQuestion, error!);
        }

        if (!_index.IsReady)
        {
            return AskResult.Failure(AskErrorKind.NotReady, "The index is not ready yet; try again in a moment.");
        }

        var top = Math.Clamp(citations, 1, MaxCitations);
        var (terms, candidates, suggestions) = _index.Search(searcher =>
        {
            var (analyzed, ranked) = _ranker.Rank(searcher, cleaned, asOf);
            return (analyzed, ranked, SpellingSuggester.Suggest(searcher, analyzed));
        });
        var answer = _composer.Compose(cleaned, terms, candidates, top) with
        {
            DidYouMean = suggestions,
            ElapsedMs = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 3),
        };

        if (asOf is { } cutoff && !answer.Answered)
        {
            // The general reasons ("no document mentions these words") would be untrue of the documents left out.
            answer = answer with
            {
                Message = $"No document dated on or before {cutoff:yyyy-MM-dd} answers this question."
                    + (answer.Citations.Count > 0 ? " The closest passages from those documents are below." : string.Empty),
            };
        }

        // The question itself is not logged: people may paste things into it that logs should not keep.
        LogAsked(answer.Answered, answer.Citations.Count, cleaned.Length, answer.ElapsedMs);
        return AskResult.Success(answer);
    }

    public void Dispose()
    {
        _questionAnalyzer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Asked: answered {Answered}, {Citations} citations, {QuestionLength} characters, {ElapsedMs} ms")]
    private partial void LogAsked(bool answered, int citations, int questionLength, double elapsedMs);
}
