using IncidentBot.Core.Conversations;

namespace IncidentBot.Core.Tests.Conversations;

/// <summary>Questions are stored in a real SQLite file, found again by id, and never hold a raw user id.</summary>
public sealed class ConversationStoreTests : IDisposable
{
    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RecordAskAsync_ThenFindAskAsync_ReturnsTheQuestion()
    {
        var time = new ManualTimeProvider();
        var store = _harness.CreateStore(time: time);

        var id = await store.RecordAskAsync(ConversationHarness.Ask("Why is the queue backed up?"), CancellationToken.None);

        Assert.NotNull(id);
        var found = await store.FindAskAsync(id.Value, CancellationToken.None);
        Assert.Equal(new StoredAsk(id.Value, "discord", "Why is the queue backed up?", true, time.GetUtcNow()), found);
        Assert.True(File.Exists(_harness.DatabasePath));
    }

    [Fact]
    public async Task RecordAskAsync_UnansweredWithoutSource_StoresNulls()
    {
        var store = _harness.CreateStore();

        var id = await store.RecordAskAsync(new AskRecord("slack", "U123", "What is the SLA?", false, null, null), CancellationToken.None);

        var found = await store.FindAskAsync(id!.Value, CancellationToken.None);
        Assert.NotNull(found);
        Assert.False(found.Answered);
        Assert.Equal("slack", found.Channel);
        Assert.Null(Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "SELECT top_source FROM asks")));
        Assert.Null(Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "SELECT top_paragraph FROM asks")));
    }

    [Fact]
    public async Task RecordAskAsync_SeveralAsks_IdsIncrease()
    {
        var store = _harness.CreateStore();

        var first = await store.RecordAskAsync(ConversationHarness.Ask("one"), CancellationToken.None);
        var second = await store.RecordAskAsync(ConversationHarness.Ask("two"), CancellationToken.None);
        var third = await store.RecordAskAsync(ConversationHarness.Ask("three"), CancellationToken.None);

        Assert.True(first < second && second < third, $"{first}, {second}, {third}");
    }

    [Fact]
    public async Task RecordAskAsync_ConcurrentAsksFromTwoStoresOnOneFile_AllGetDistinctIds()
    {
        // Two instances stand in for two processes (gateway shards) sharing the file.
        var stores = new[] { _harness.CreateStore(), _harness.CreateStore() };

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => stores[i % 2].RecordAskAsync(ConversationHarness.Ask("question " + i), CancellationToken.None))));

        Assert.All(ids, id => Assert.NotNull(id));
        Assert.Equal(40, ids.Distinct().Count());
        Assert.Empty(_harness.Logger.Entries);
    }

    [Fact]
    public async Task FindAskAsync_UnknownId_ReturnsNull()
    {
        var store = _harness.CreateStore();
        await store.RecordAskAsync(ConversationHarness.Ask(), CancellationToken.None);

        Assert.Null(await store.FindAskAsync(999_999, CancellationToken.None));
    }

    [Fact]
    public async Task FindAskAsync_AfterRestart_FindsTheQuestion()
    {
        var first = _harness.CreateStore();
        var id = await first.RecordAskAsync(ConversationHarness.Ask("Who owns the billing service?"), CancellationToken.None);
        first.Dispose();

        var found = await _harness.CreateStore().FindAskAsync(id!.Value, CancellationToken.None);

        Assert.Equal("Who owns the billing service?", found?.Question);
    }

    [Fact]
    public async Task RecordAskAsync_OverlongQuestion_IsCutAt2000Characters()
    {
        var store = _harness.CreateStore();

        var id = await store.RecordAskAsync(ConversationHarness.Ask(new string('q', 2500)), CancellationToken.None);

        var found = await store.FindAskAsync(id!.Value, CancellationToken.None);
        Assert.Equal(new string('q', 2000), found?.Question);
    }

    [Fact]
    public void Truncate_CutWouldSplitASurrogatePair_DropsTheWholePair()
    {
        var question = new string('a', ConversationStore.MaxQuestionLength - 1) + "\U0001F525" + "tail";

        var cut = ConversationStore.Truncate(question);

        Assert.Equal(new string('a', ConversationStore.MaxQuestionLength - 1), cut);
    }

    [Fact]
    public async Task RecordAskAsync_Always_StoresNoRawUserIdAnywhere()
    {
        const string UserId = "user-8675309";
        var store = _harness.CreateStore();
        var id = await store.RecordAskAsync(ConversationHarness.Ask(userId: UserId), CancellationToken.None);
        await store.RecordVoteAsync(id!.Value, "discord", UserId, helpful: true, CancellationToken.None);
        store.Dispose();

        foreach (var table in new[] { "asks", "votes", "meta" })
        {
            using var connection = ConversationHarness.OpenRaw(_harness.DatabasePath);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    var value = reader.IsDBNull(column) ? string.Empty : reader.GetString(column);
                    Assert.DoesNotContain("8675309", value, StringComparison.Ordinal);
                }
            }

            Assert.True(rows > 0, table);
        }

        var hash = Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "SELECT user_hash FROM asks"));
        Assert.Matches("^[0-9a-f]{64}$", (string)hash!);
    }

    [Fact]
    public async Task RecordAskAsync_TwoStoresOnOneFile_HashTheUserTheSame()
    {
        await _harness.CreateStore().RecordAskAsync(ConversationHarness.Ask("first"), CancellationToken.None);
        await _harness.CreateStore().RecordAskAsync(ConversationHarness.Ask("second"), CancellationToken.None);

        var hashes = ConversationHarness.Query(_harness.DatabasePath, "SELECT user_hash FROM asks");

        Assert.Equal(2, hashes.Count);
        Assert.Equal(hashes[0], hashes[1]);
    }

    [Fact]
    public async Task RecordAskAsync_TwoFiles_HashTheUserDifferently()
    {
        var otherPath = Path.Combine(_harness.Root, "other", "incidentbot.db");
        await _harness.CreateStore().RecordAskAsync(ConversationHarness.Ask(), CancellationToken.None);
        await _harness.CreateStore(otherPath).RecordAskAsync(ConversationHarness.Ask(), CancellationToken.None);

        var here = ConversationHarness.Query(_harness.DatabasePath, "SELECT user_hash FROM asks");
        var there = ConversationHarness.Query(otherPath, "SELECT user_hash FROM asks");

        Assert.NotEqual(here, there);
    }

    [Fact]
    public async Task RecordAskAsync_SameUserIdOnTwoChannels_HashesDiffer()
    {
        var store = _harness.CreateStore();
        await store.RecordAskAsync(ConversationHarness.Ask(channel: "discord", userId: "42"), CancellationToken.None);
        await store.RecordAskAsync(ConversationHarness.Ask(channel: "slack", userId: "42"), CancellationToken.None);

        var hashes = ConversationHarness.Query(_harness.DatabasePath, "SELECT user_hash FROM asks");

        Assert.NotEqual(hashes[0], hashes[1]);
    }

    [Fact]
    public async Task Open_TwiceOnOneFile_MigratesOnceAndKeepsData()
    {
        var id = await _harness.CreateStore().RecordAskAsync(ConversationHarness.Ask("kept"), CancellationToken.None);
        var salt = ConversationHarness.Query(_harness.DatabasePath, "SELECT value FROM meta WHERE key = 'salt'");

        var second = _harness.CreateStore();
        var next = await second.RecordAskAsync(ConversationHarness.Ask("added"), CancellationToken.None);

        Assert.True(next > id);
        Assert.Equal("kept", (await second.FindAskAsync(id!.Value, CancellationToken.None))?.Question);
        Assert.Equal(1L, Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "PRAGMA user_version")));
        Assert.Equal("wal", Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "PRAGMA journal_mode")));
        Assert.Equal(salt, ConversationHarness.Query(_harness.DatabasePath, "SELECT value FROM meta WHERE key = 'salt'"));
        Assert.Equal(1L, Assert.Single(ConversationHarness.Query(_harness.DatabasePath, "SELECT count(*) FROM meta")));
    }

    [Fact]
    public async Task Dispose_AfterUse_ClosesThePooledConnections()
    {
        // SQLite removes the WAL file when the last connection to the database closes.
        var store = _harness.CreateStore();
        await store.RecordAskAsync(ConversationHarness.Ask(), CancellationToken.None);
        Assert.True(File.Exists(_harness.DatabasePath + "-wal"));

        store.Dispose();

        Assert.False(File.Exists(_harness.DatabasePath + "-wal"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindAskAsync(1, CancellationToken.None));
    }
}
