using IncidentBot.Core.Conversations;

namespace IncidentBot.Core.Tests.Conversations;

/// <summary>Questions older than the retention period are deleted with their votes, and their ids never come back.</summary>
public sealed class ConversationStorePurgeTests : IDisposable
{
    private readonly ConversationHarness _harness = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task PurgeExpiredAsync_OldAndNewAsks_DeletesOnlyTheOldWithTheirVotes()
    {
        var store = _harness.CreateStore(time: _time, retentionDays: 30);
        var old = (await store.RecordAskAsync(ConversationHarness.Ask("old"), CancellationToken.None))!.Value;
        await store.RecordVoteAsync(old, "discord", "voter-1", helpful: true, CancellationToken.None);
        await store.RecordVoteAsync(old, "discord", "voter-2", helpful: false, CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(20));
        var recent = (await store.RecordAskAsync(ConversationHarness.Ask("recent"), CancellationToken.None))!.Value;
        await store.RecordVoteAsync(recent, "discord", "voter-1", helpful: true, CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(15));

        var deleted = await store.PurgeExpiredAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await store.FindAskAsync(old, CancellationToken.None));
        Assert.Equal("recent", (await store.FindAskAsync(recent, CancellationToken.None))?.Question);
        Assert.Equal(recent, Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "SELECT ask_id FROM votes")));
        Assert.Equal(VoteOutcome.UnknownAsk, await store.RecordVoteAsync(old, "discord", "voter-3", true, CancellationToken.None));
    }

    [Fact]
    public async Task PurgeExpiredAsync_NothingOldEnough_DeletesNothing()
    {
        var store = _harness.CreateStore(time: _time, retentionDays: 30);
        var id = (await store.RecordAskAsync(ConversationHarness.Ask(), CancellationToken.None))!.Value;
        _time.Advance(TimeSpan.FromDays(29));

        Assert.Equal(0, await store.PurgeExpiredAsync(CancellationToken.None));
        Assert.NotNull(await store.FindAskAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAskAsync_AfterEverythingWasPurged_NeverReusesAnId()
    {
        // A "More sources" button on a purged answer must not find somebody else's later question.
        var store = _harness.CreateStore(time: _time, retentionDays: 1);
        var purged = (await store.RecordAskAsync(ConversationHarness.Ask("gone"), CancellationToken.None))!.Value;
        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await store.PurgeExpiredAsync(CancellationToken.None));

        var next = (await store.RecordAskAsync(ConversationHarness.Ask("new"), CancellationToken.None))!.Value;

        Assert.True(next > purged, $"{next} after {purged}");
        Assert.Null(await store.FindAskAsync(purged, CancellationToken.None));
    }
}
