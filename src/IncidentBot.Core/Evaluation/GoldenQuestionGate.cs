using System.Security.Cryptography;
using System.Text;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Synonyms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Evaluation;

/// <summary>
/// The golden-question gate of reindexing: before a rebuilt index replaces the one answering, both answer the
/// questions of <c>Index:GoldenQuestions</c>, and a rebuild that passes fewer of them is kept back
/// (see <see cref="IncidentIndex"/>). It catches a document set that was broken by mistake (a file emptied,
/// truncated, replaced by the wrong one) before users see worse answers.
/// </summary>
public sealed partial class GoldenQuestionGate : IDisposable
{
    /// <summary>The golden questions' file in the seeds folder, used when <c>Index:GoldenQuestions</c> is not set.</summary>
    public const string DefaultFileName = "golden-questions.jsonl";

    private readonly Lucene.Net.Analysis.Analyzer _questionAnalyzer = TextAnalysis.CreateQuestionAnalyzer();
    private readonly SentenceRanker _ranker;
    private readonly AnswerComposer _composer;
    private readonly ILogger<GoldenQuestionGate> _logger;
    private readonly string? _synonymsPath;

    public GoldenQuestionGate(
        IOptions<IndexOptions> index,
        IOptions<SeedsOptions> seeds,
        IOptions<RankingOptions> ranking,
        ILogger<GoldenQuestionGate> logger,
        SynonymSource? synonyms = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(ranking);

        // Like synonyms.txt, the golden questions travel with the documents they are about (a CLI run on
        // another seeds folder must not judge it by these questions); a blank setting turns the gate off.
        FilePath = index.Value.GoldenQuestions switch
        {
            null => Path.Combine(Path.GetFullPath(seeds.Value.Path), DefaultFileName),
            { } path when string.IsNullOrWhiteSpace(path) => null,
            { } path => Path.GetFullPath(path),
        };
        _logger = logger;

        // The same ranking and synonyms as the answers users get: the gate judges what they would see.
        _ranker = new SentenceRanker(_questionAnalyzer, ranking.Value, synonyms is null ? null : () => synonyms.Current);
        _synonymsPath = synonyms?.FilePath;
        _composer = new AnswerComposer(ranking.Value);
    }

    /// <summary>The golden questions file; null when the gate is turned off.</summary>
    public string? FilePath { get; }

    /// <summary>
    /// Reads the golden questions for one rebuild. None (and no error) when no file is configured or the
    /// configured one does not exist; an error when it exists but cannot be read or parsed.
    /// </summary>
    internal (GoldenQuestionSet? Set, string? Error) Load()
    {
        if (FilePath is null)
        {
            return (null, null);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(FilePath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Optional by design: most document sets come without golden questions.
            LogMissing(FilePath);
            return (null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"The golden questions file {FilePath} cannot be read: {e.Message}");
        }

        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes).TrimStart('\uFEFF');
        var (questions, error) = EvalSetReader.Parse(FilePath, text.Split('\n'));
        return questions is null
            ? (null, $"The golden questions cannot be used: {error}")
            : (new GoldenQuestionSet(questions, Convert.ToHexStringLower(SHA256.HashData(bytes)) + SynonymsStamp()), null);
    }

    /// <summary>Asks every golden question of <paramref name="candidate"/> and, when there is one, of <paramref name="current"/>.</summary>
    internal GoldenCheck Judge(GoldenQuestionSet set, IncidentSearcher? current, IncidentSearcher candidate, CancellationToken ct)
    {
        int passed = 0, passedBefore = 0;
        var newlyFailed = new List<string>();
        foreach (var question in set.Questions)
        {
            ct.ThrowIfCancellationRequested();
            var passes = Passes(candidate, question);
            var passedAlready = current is not null && Passes(current, question);
            passed += passes ? 1 : 0;
            passedBefore += passedAlready ? 1 : 0;
            if (passedAlready && !passes)
            {
                newlyFailed.Add(question.Question!);
            }
        }

        var check = new GoldenCheck(set.Questions.Count, passed, current is null ? null : passedBefore, newlyFailed);
        LogJudged(check.Passed, check.Questions, check.PassedBefore);
        return check;
    }

    public void Dispose() => _questionAnalyzer.Dispose();

    /// <summary>
    /// The synonyms file's size and time: the gate answers with the synonyms too, so editing them may change a
    /// verdict (and is how an owner might fix a rejection) although it changes neither the documents nor the questions.
    /// </summary>
    private string SynonymsStamp()
    {
        var file = _synonymsPath is null ? null : new FileInfo(_synonymsPath);
        return file is { Exists: true } ? FormattableString.Invariant($"|{file.Length}|{file.LastWriteTimeUtc.Ticks}") : string.Empty;
    }

    private bool Passes(IncidentSearcher searcher, EvalQuestion question)
    {
        var (cleaned, _) = QuestionSanitizer.Sanitize(question.Question);
        if (cleaned is null)
        {
            // Not a question the bot would search for (empty, too long): nothing in the index can pass it.
            return false;
        }

        var (analyzed, ranked) = _ranker.Rank(searcher, cleaned);
        return question.IsPassedBy(_composer.Compose(cleaned, analyzed, ranked, 1));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No golden questions at {Path}; rebuilds are published without the golden-question check")]
    private partial void LogMissing(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Golden questions: the rebuilt index passes {Passed} of {Questions} (the index answering now: {PassedBefore})")]
    private partial void LogJudged(int passed, int questions, int? passedBefore);
}

/// <summary>The golden questions read for one rebuild, and a fingerprint of the file they came from.</summary>
internal sealed record GoldenQuestionSet(IReadOnlyList<EvalQuestion> Questions, string Fingerprint);
