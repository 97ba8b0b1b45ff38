using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using Lucene.Net.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Synonyms;

/// <summary>
/// The synonyms file of the seeds folder (<c>synonyms.txt</c>), reloaded when it changes without any reindex.
/// Questions read <see cref="Current"/>; the file's time stamp and size are checked at most once every
/// <see cref="CheckInterval"/>, so a burst of questions costs one stat call, and an edit applies within it.
/// </summary>
/// <remarks>
/// A missing file means no synonyms; an unreadable one keeps the last good map (logged), so a half-saved edit
/// never takes synonyms away mid-incident.
/// </remarks>
public sealed partial class SynonymSource : IDisposable
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    private readonly Analyzer _analyzer = TextAnalysis.CreateQuestionAnalyzer();
    private readonly TimeProvider _time;
    private readonly ILogger<SynonymSource> _logger;
    private readonly System.Threading.Lock _gate = new();
    private SynonymMap _map = SynonymMap.Empty;
    private (DateTime WrittenAt, long Length)? _loaded;
    private DateTimeOffset _nextCheck = DateTimeOffset.MinValue;

    public SynonymSource(IOptions<SeedsOptions> seeds, TimeProvider time, ILogger<SynonymSource> logger)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        FilePath = Path.Combine(Path.GetFullPath(seeds.Value.Path), SeedFiles.SynonymsFileName);
        _time = time;
        _logger = logger;
    }

    /// <summary>Where the synonyms are read from.</summary>
    public string FilePath { get; }

    /// <summary>The synonyms in force now (reloaded first when the file changed).</summary>
    public SynonymMap Current
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (now >= _nextCheck)
                {
                    _nextCheck = now + CheckInterval;
                    ReloadIfChanged();
                }

                return _map;
            }
        }
    }

    public void Dispose() => _analyzer.Dispose();

    private void ReloadIfChanged()
    {
        var file = new FileInfo(FilePath);
        if (!file.Exists)
        {
            if (_loaded is not null)
            {
                LogRemoved(FilePath);
            }

            _map = SynonymMap.Empty;
            _loaded = null;
            return;
        }

        var stamp = (file.LastWriteTimeUtc, file.Length);
        if (_loaded == stamp)
        {
            return;
        }

        try
        {
            var map = SynonymMap.Parse(File.ReadAllText(FilePath), _analyzer, out var warnings);
            foreach (var warning in warnings)
            {
                LogLineSkipped(warning);
            }

            _map = map;
            _loaded = stamp;
            LogLoaded(map.RuleCount, FilePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(ex, FilePath);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Rules} synonym rules from {Path}")]
    private partial void LogLoaded(int rules, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a synonyms line: {Warning}")]
    private partial void LogLineSkipped(string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "The synonyms file {Path} was removed; no synonyms apply")]
    private partial void LogRemoved(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the synonyms file {Path}; the previous synonyms stay in force")]
    private partial void LogUnreadable(Exception ex, string path);
}
