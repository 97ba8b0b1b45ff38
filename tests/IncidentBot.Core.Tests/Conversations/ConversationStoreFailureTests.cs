using IncidentBot.Core.Conversations;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Core.Tests.Conversations;

/// <summary>
/// When the database cannot be used every call returns its failure value, never throws, and logs a
/// warning that does not contain the question.
/// </summary>
public sealed class ConversationStoreFailureTests : IDisposable
{
    private const string Question = "Secret question about the payroll outage";

    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RecordAskAsync_FolderIsAFile_ReturnsNullAndLogsAWarningWithoutTheQuestion()
    {
        var blocker = Path.Combine(_harness.Root, "blocker");
        File.WriteAllText(blocker, "not a folder");
        var store = _harness.CreateStore(Path.Combine(blocker, "incidentbot.db"));

        var id = await store.RecordAskAsync(ConversationHarness.Ask(Question), CancellationToken.None);

        Assert.Null(id);
        var entry = Assert.Single(_harness.Logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.DoesNotContain(_harness.Logger.Texts, text => text.Contains("payroll", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EveryCall_FolderIsAFile_ReturnsItsFailureValue()
    {
        var blocker = Path.Combine(_harness.Root, "blocker");
        File.WriteAllText(blocker, "not a folder");
        var store = _harness.CreateStore(Path.Combine(blocker, "incidentbot.db"));

        Assert.Null(await store.FindAskAsync(1, CancellationToken.None));
        Assert.Equal(VoteOutcome.StorageFailed, await store.RecordVoteAsync(1, "discord", "u", true, CancellationToken.None));
        Assert.Equal(0, await store.PurgeExpiredAsync(CancellationToken.None));
        Assert.Equal(3, _harness.Logger.Entries.Count(e => e.Level == LogLevel.Warning));
    }

    [Fact]
    public async Task RecordAskAsync_StorageComesBack_Succeeds()
    {
        var blocker = Path.Combine(_harness.Root, "blocker");
        File.WriteAllText(blocker, "not a folder");
        var store = _harness.CreateStore(Path.Combine(blocker, "incidentbot.db"));
        Assert.Null(await store.RecordAskAsync(ConversationHarness.Ask(), CancellationToken.None));

        File.Delete(blocker);
        var id = await store.RecordAskAsync(ConversationHarness.Ask(), CancellationToken.None);

        Assert.NotNull(id);
    }

    [Fact]
    public async Task EveryCall_GarbageDatabaseFile_ReturnsItsFailureValueAndLeavesTheFile()
    {
        var path = Path.Combine(_harness.Root, "garbage.db");
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251)).ToArray();
        File.WriteAllBytes(path, garbage);
        var store = _harness.CreateStore(path);

        Assert.Null(await store.RecordAskAsync(ConversationHarness.Ask(Question), CancellationToken.None));
        Assert.Null(await store.FindAskAsync(1, CancellationToken.None));
        Assert.Equal(VoteOutcome.StorageFailed, await store.RecordVoteAsync(1, "discord", "u", false, CancellationToken.None));
        Assert.Equal(0, await store.PurgeExpiredAsync(CancellationToken.None));

        Assert.Equal(4, _harness.Logger.Entries.Count(e => e.Level == LogLevel.Warning));
        Assert.DoesNotContain(_harness.Logger.Texts, text => text.Contains("payroll", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(garbage, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task RecordAskAsync_SchemaFromANewerBuild_ReturnsNullAndLeavesItAlone()
    {
        var store = _harness.CreateStore();
        Assert.NotNull(await store.RecordAskAsync(ConversationHarness.Ask(), CancellationToken.None));
        store.Dispose();
        ConversationHarness.Query(_harness.DatabasePath, "PRAGMA user_version = 2");

        var id = await _harness.CreateStore().RecordAskAsync(ConversationHarness.Ask(), CancellationToken.None);

        Assert.Null(id);
        Assert.Equal(2L, Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "PRAGMA user_version")));
        Assert.Equal(1L, Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "SELECT count(*) FROM asks")));
    }

    [Fact]
    public async Task RecordAskAsync_Cancelled_ThrowsOperationCanceled()
    {
        // Cancellation is the caller's decision, not a storage failure: it propagates and is not logged.
        var store = _harness.CreateStore();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.RecordAskAsync(ConversationHarness.Ask(), cts.Token));
        Assert.Empty(_harness.Logger.Entries);
    }
}
