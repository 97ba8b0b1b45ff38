using IncidentBot.Core.Conversations;

namespace IncidentBot.Core.Tests.Conversations;

/// <summary>One Helpful / Not-helpful vote per user per answer; voting the other way changes it.</summary>
public sealed class ConversationStoreVoteTests : IDisposable
{
    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RecordVoteAsync_FirstVote_IsRecorded()
    {
        var (store, id) = await StoreWithAskAsync();

        var outcome = await store.RecordVoteAsync(id, "discord", "voter-1", helpful: true, CancellationToken.None);

        Assert.Equal(VoteOutcome.Recorded, outcome);
        Assert.Equal(1L, Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "SELECT helpful FROM votes")));
    }

    [Fact]
    public async Task RecordVoteAsync_SameVoteAgain_IsUnchanged()
    {
        var (store, id) = await StoreWithAskAsync();
        await store.RecordVoteAsync(id, "discord", "voter-1", helpful: false, CancellationToken.None);

        var outcome = await store.RecordVoteAsync(id, "discord", "voter-1", helpful: false, CancellationToken.None);

        Assert.Equal(VoteOutcome.Unchanged, outcome);
        Assert.Equal(0L, Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "SELECT helpful FROM votes")));
    }

    [Fact]
    public async Task RecordVoteAsync_OppositeVote_IsChanged()
    {
        var (store, id) = await StoreWithAskAsync();
        await store.RecordVoteAsync(id, "discord", "voter-1", helpful: true, CancellationToken.None);

        var flipped = await store.RecordVoteAsync(id, "discord", "voter-1", helpful: false, CancellationToken.None);
        var flippedBack = await store.RecordVoteAsync(id, "discord", "voter-1", helpful: true, CancellationToken.None);

        Assert.Equal(VoteOutcome.Changed, flipped);
        Assert.Equal(VoteOutcome.Changed, flippedBack);
        Assert.Equal(1L, Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "SELECT helpful FROM votes")));
    }

    [Fact]
    public async Task RecordVoteAsync_TwoUsers_BothRecorded()
    {
        var (store, id) = await StoreWithAskAsync();

        var first = await store.RecordVoteAsync(id, "discord", "voter-1", helpful: true, CancellationToken.None);
        var second = await store.RecordVoteAsync(id, "discord", "voter-2", helpful: false, CancellationToken.None);

        Assert.Equal(VoteOutcome.Recorded, first);
        Assert.Equal(VoteOutcome.Recorded, second);
        Assert.Equal(2, ConversationHarness.Query(_harness.DatabasePath, "SELECT helpful FROM votes").Count);
    }

    [Fact]
    public async Task RecordVoteAsync_SameUserThroughAnotherStoreOnTheFile_IsTheSameVoter()
    {
        var (store, id) = await StoreWithAskAsync();
        await store.RecordVoteAsync(id, "discord", "voter-1", helpful: true, CancellationToken.None);

        var outcome = await _harness.CreateStore().RecordVoteAsync(id, "discord", "voter-1", helpful: true, CancellationToken.None);

        Assert.Equal(VoteOutcome.Unchanged, outcome);
    }

    [Fact]
    public async Task RecordVoteAsync_UnknownAsk_IsUnknownAskAndStoresNothing()
    {
        var (store, id) = await StoreWithAskAsync();

        var outcome = await store.RecordVoteAsync(id + 1000, "discord", "voter-1", helpful: true, CancellationToken.None);

        Assert.Equal(VoteOutcome.UnknownAsk, outcome);
        Assert.Empty(ConversationHarness.Query(_harness.DatabasePath, "SELECT helpful FROM votes"));
    }

    [Fact]
    public async Task RecordVoteAsync_OnAFreshDatabase_IsUnknownAsk()
    {
        var outcome = await _harness.CreateStore().RecordVoteAsync(1, "discord", "voter-1", helpful: true, CancellationToken.None);

        Assert.Equal(VoteOutcome.UnknownAsk, outcome);
    }

    private async Task<(ConversationStore Store, long Id)> StoreWithAskAsync()
    {
        var store = _harness.CreateStore();
        var id = await store.RecordAskAsync(ConversationHarness.Ask(), CancellationToken.None);
        Assert.NotNull(id);
        return (store, id.Value);
    }
}
