using IncidentBot.Core.Answers;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Indexing;
using Lucene.Net.Analysis;

namespace IncidentBot.Core.Feedback;

/// <summary>
/// Groups the questions the documents did not serve well (unanswered, or voted "Not helpful") by the words
/// they share, so document owners see what to add: "12 questions about ceo, nso" rather than 12 lines.
/// </summary>
/// <remarks>
/// Questions are compared by their analysed content words (stemmed, stop words removed), the same analysis
/// the answers use, so "Who runs NSO?" and "who is running nso" fall together. Grouping is greedy, newest
/// question first: a question joins the group whose first question it resembles most, when they share at
/// least half of the shorter one's words and a third of all their words; otherwise it starts a group.
/// </remarks>
public sealed class GapFinder(ConversationStore store, TimeProvider time) : IDisposable
{
    public const int DefaultDays = 30;
    public const int MaxDays = 3650;
    public const int DefaultTop = 10;
    public const int MaxTop = 100;
    private const int MaxExamples = 3;

    private readonly Analyzer _analyzer = TextAnalysis.CreateQuestionAnalyzer();

    /// <summary>The report for the last <paramref name="days"/> days; <see langword="null"/> when storage failed.</summary>
    public async Task<GapReport?> FindAsync(int days, int top, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, MaxTop);
        var since = time.GetUtcNow() - TimeSpan.FromDays(days);
        var asks = await store.ListWeakAsksAsync(since, ct).ConfigureAwait(false);
        if (asks is null)
        {
            return null;
        }

        var groups = GroupBySharedWords(asks);
        var gaps = groups
            .OrderByDescending(g => g.Members.Count)
            .ThenByDescending(g => g.Members[0].Ask.AskedAt)
            .Take(top)
            .Select(ToGap)
            .ToList();
        return new GapReport(days, since, asks.Count, gaps);
    }

    public void Dispose() => _analyzer.Dispose();

    private List<Group> GroupBySharedWords(IReadOnlyList<WeakAsk> asks)
    {
        var groups = new List<Group>();
        foreach (var ask in asks)
        {
            var words = Words(ask.Question);
            if (words.Count == 0)
            {
                continue;
            }

            var best = groups
                .Select(g => (Group: g, Score: Similarity(g.Members[0].Words, words)))
                .Where(c => c.Score > 0)
                .OrderByDescending(c => c.Score)
                .FirstOrDefault();
            if (best.Group is { } group)
            {
                group.Members.Add(new Member(ask, words));
            }
            else
            {
                groups.Add(new Group([new Member(ask, words)]));
            }
        }

        return groups;
    }

    /// <summary>Jaccard similarity when the two share enough words to be about the same thing, else 0.</summary>
    internal static double Similarity(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        var shared = a.Keys.Count(b.ContainsKey);
        var union = a.Count + b.Count - shared;
        var smaller = Math.Min(a.Count, b.Count);
        var jaccard = union == 0 ? 0 : (double)shared / union;
        return shared > 0 && shared * 2 >= smaller && jaccard * 3 >= 1 ? jaccard : 0;
    }

    /// <summary>Analysed term → the word as typed (lower case), for showing stems as words.</summary>
    private Dictionary<string, string> Words(string question)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (term, span) in TermMatcher.Tokens(_analyzer, question))
        {
            words.TryAdd(term, question.Substring(span.Start, span.Length).ToLowerInvariant());
        }

        return words;
    }

    private static QuestionGap ToGap(Group group)
    {
        var members = group.Members;

        // Words in at least half the questions (a lone question keeps all of its own), most frequent first.
        var words = members
            .SelectMany(m => m.Words)
            .GroupBy(w => w.Key, StringComparer.Ordinal)
            .Select(g => (Count: g.Count(), Word: g.GroupBy(w => w.Value, StringComparer.Ordinal).OrderByDescending(s => s.Count()).First().Key))
            .Where(w => w.Count * 2 >= members.Count)
            .OrderByDescending(w => w.Count)
            .ThenBy(w => w.Word, StringComparer.Ordinal)
            .Select(w => w.Word)
            .ToList();
        var examples = members
            .Select(m => m.Ask.Question)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxExamples)
            .ToList();
        return new QuestionGap(
            words,
            members.Count,
            members.Count(m => !m.Ask.Answered),
            members.Count(m => m.Ask.Answered),
            examples,
            members.Max(m => m.Ask.AskedAt));
    }

    private sealed record Member(WeakAsk Ask, Dictionary<string, string> Words);

    private sealed record Group(List<Member> Members);
}
