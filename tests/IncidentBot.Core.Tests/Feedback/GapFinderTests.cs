using IncidentBot.Core.Conversations;
using IncidentBot.Core.Feedback;
using IncidentBot.Core.Tests.Conversations;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Core.Tests.Feedback;

/// <summary>
/// The gaps report on a real SQLite store: only unanswered or "Not helpful" questions count, grouped by the
/// words they share, largest group first, within the window.
/// </summary>
public sealed class GapFinderTests : IDisposable
{
    private readonly ConversationHarness _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private readonly ConversationStore _store;
    private readonly GapFinder _finder;

    public GapFinderTests()
    {
        _store = _data.CreateStore(time: _time);
        _finder = new GapFinder(_store, _time);
    }

    public void Dispose()
    {
        _finder.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Empty_NoGaps()
    {
        var report = await _finder.FindAsync(30, 10, CancellationToken.None);

        Assert.NotNull(report);
        Assert.Equal(0, report.WeakQuestions);
        Assert.Empty(report.Gaps);
    }

    [Fact]
    public async Task UnansweredQuestions_GroupedBySharedWords_LargestFirst_WithWordsAndExamples()
    {
        await AskAsync("Who is the CEO of NSO?", answered: false);
        await AskAsync("who runs NSO as its CEO", answered: false);
        await AskAsync("NSO CEO name?", answered: false);
        await AskAsync("When was the WhatsApp patch released?", answered: false);
        await AskAsync("How many users were targeted?", answered: true);

        var report = await _finder.FindAsync(30, 10, CancellationToken.None);

        Assert.Equal(4, report!.WeakQuestions);
        Assert.Equal(2, report.Gaps.Count);
        var ceo = report.Gaps[0];
        Assert.Equal(3, ceo.Questions);
        Assert.Equal(3, ceo.Unanswered);
        Assert.Equal(0, ceo.NotHelpful);
        Assert.Contains("ceo", ceo.Words);
        Assert.Contains("nso", ceo.Words);
        Assert.Equal("NSO CEO name?", ceo.Examples[0]);
        Assert.Equal(3, ceo.Examples.Count);
        var patch = report.Gaps[1];
        Assert.Equal(1, patch.Questions);
        Assert.Contains("whatsapp", patch.Words);
        Assert.Contains("patch", patch.Words);
    }

    [Fact]
    public async Task AnsweredButVotedNotHelpful_Counts_HelpfulOutweighing_DoesNot()
    {
        var disliked = await AskAsync("Which servers did the attackers use?", answered: true);
        Assert.Equal(VoteOutcome.Recorded, await _store.RecordVoteAsync(disliked, "discord", "U1", helpful: false, CancellationToken.None));
        var liked = await AskAsync("Which servers were used in the attack?", answered: true);
        Assert.Equal(VoteOutcome.Recorded, await _store.RecordVoteAsync(liked, "discord", "U1", helpful: true, CancellationToken.None));
        Assert.Equal(VoteOutcome.Recorded, await _store.RecordVoteAsync(liked, "discord", "U2", helpful: true, CancellationToken.None));
        Assert.Equal(VoteOutcome.Recorded, await _store.RecordVoteAsync(liked, "discord", "U3", helpful: false, CancellationToken.None));

        var report = await _finder.FindAsync(30, 10, CancellationToken.None);

        var gap = Assert.Single(report!.Gaps);
        Assert.Equal(1, gap.NotHelpful);
        Assert.Equal(0, gap.Unanswered);
        Assert.Equal("Which servers did the attackers use?", Assert.Single(gap.Examples));
    }

    [Fact]
    public async Task OutsideTheWindow_Left_Out_TopLimitsGroups()
    {
        await AskAsync("Who is the CEO of NSO?", answered: false);
        _time.Advance(TimeSpan.FromDays(8));
        await AskAsync("Where is NSO based?", answered: false);
        await AskAsync("What did Facebook sue for?", answered: false);
        await AskAsync("When did the breach start?", answered: false);

        var week = await _finder.FindAsync(7, 10, CancellationToken.None);
        var top2 = await _finder.FindAsync(30, 2, CancellationToken.None);

        Assert.Equal(3, week!.WeakQuestions);
        Assert.DoesNotContain(week.Gaps, g => g.Examples.Contains("Who is the CEO of NSO?"));
        Assert.Equal(2, top2!.Gaps.Count);
        Assert.Equal(4, top2.WeakQuestions);
    }

    [Fact]
    public async Task DifferentTopicsSharingOneWord_StayApart()
    {
        await AskAsync("When was WhatsApp patched?", answered: false);
        await AskAsync("What is the WhatsApp user count in India?", answered: false);

        var report = await _finder.FindAsync(30, 10, CancellationToken.None);

        Assert.Equal(2, report!.Gaps.Count);
    }

    [Fact]
    public async Task QuestionsOfOnlyStopWords_Skipped()
    {
        await AskAsync("what is it?", answered: false);

        var report = await _finder.FindAsync(30, 10, CancellationToken.None);

        Assert.Equal(1, report!.WeakQuestions);
        Assert.Empty(report.Gaps);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(GapFinder.MaxDays + 1, 10)]
    [InlineData(30, 0)]
    [InlineData(30, GapFinder.MaxTop + 1)]
    public async Task OutOfRangeArguments_AreBugs(int days, int top)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _finder.FindAsync(days, top, CancellationToken.None));
    }

    [Fact]
    public async Task StorageUnusable_Null()
    {
        var blocker = Path.Combine(_data.Root, "file-in-the-way");
        await File.WriteAllTextAsync(blocker, "x");
        using var finder = new GapFinder(_data.CreateStore(path: Path.Combine(blocker, "db.sqlite"), time: _time), _time);

        Assert.Null(await finder.FindAsync(30, 10, CancellationToken.None));
    }

    private async Task<long> AskAsync(string question, bool answered)
    {
        var id = await _store.RecordAskAsync(new AskRecord("discord", "U9", question, answered, null, null), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        return id!.Value;
    }
}
