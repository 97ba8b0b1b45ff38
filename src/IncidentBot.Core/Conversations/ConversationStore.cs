using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Conversations;

/// <summary>
/// Records the questions asked through the chat front ends and the Helpful / Not-helpful votes on their
/// answers, in a SQLite file that outlives restarts (a "More sources" button finds its question by id) and
/// that several processes, e.g. gateway shards, may share.
/// </summary>
/// <remarks>
/// Storage is a side feature: the bot must keep answering when the disk is full, read-only or the file is
/// damaged. So every storage error is caught here, logged once as a warning (never with the question text),
/// and returned as a failure value: <see langword="null"/>, <see cref="VoteOutcome.StorageFailed"/> or 0.
/// A connection is opened per operation (Microsoft.Data.Sqlite pools them), so the store is thread-safe.
/// User ids are never stored: only a salted SHA-256 of channel and id (see <see cref="HashUser"/>).
/// </remarks>
public sealed partial class ConversationStore : IDisposable
{
    /// <summary>Longest question text stored; callers already cap questions far below this.</summary>
    internal const int MaxQuestionLength = 2000;

    private readonly string _connectionString;
    private readonly int _retentionDays;
    private readonly ILogger<ConversationStore> _logger;
    private readonly TimeProvider _time;
    private volatile bool _disposed;

    public ConversationStore(IOptions<DataOptions> options, ILogger<ConversationStore> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var data = options.Value;
        DatabasePath = Path.GetFullPath(data.Path);
        _retentionDays = data.RetentionDays;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _connectionString = BuildConnectionString(DatabasePath);
    }

    /// <summary>Absolute path of the SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>Stores a question; returns its new id, or <see langword="null"/> when storage failed.</summary>
    public async Task<long?> RecordAskAsync(AskRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(record.Channel);
        ArgumentNullException.ThrowIfNull(record.UserId);
        ArgumentNullException.ThrowIfNull(record.Question);
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            using var connection = await OpenAsync(ct).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO asks (asked_at, channel, user_hash, question, answered, top_source, top_paragraph)
                VALUES ($asked_at, $channel, $user_hash, $question, $answered, $top_source, $top_paragraph)
                RETURNING id;
                """;
            command.Parameters.AddWithValue("$asked_at", _time.GetUtcNow().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$channel", record.Channel);
            command.Parameters.AddWithValue("$user_hash", HashUser(record.Channel, record.UserId));
            command.Parameters.AddWithValue("$question", Truncate(record.Question));
            command.Parameters.AddWithValue("$answered", record.Answered ? 1 : 0);
            command.Parameters.AddWithValue("$top_source", (object?)record.TopSource ?? DBNull.Value);
            command.Parameters.AddWithValue("$top_paragraph", (object?)record.TopParagraph ?? DBNull.Value);
            var id = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return Convert.ToInt64(id, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            LogStorageFailed(ex, nameof(RecordAskAsync), DatabasePath);
            return null;
        }
    }

    /// <summary>The question with this id, or <see langword="null"/> when unknown, purged or storage failed.</summary>
    public async Task<StoredAsk?> FindAskAsync(long id, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            using var connection = await OpenAsync(ct).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, channel, question, answered, asked_at FROM asks WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id);
            using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                return null;
            }

            return new StoredAsk(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt64(3) != 0,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            LogStorageFailed(ex, nameof(FindAskAsync), DatabasePath);
            return null;
        }
    }

    /// <summary>
    /// Stores one user's vote on an answer. A user has one vote per question: the same vote again is
    /// <see cref="VoteOutcome.Unchanged"/>, the opposite vote replaces it (<see cref="VoteOutcome.Changed"/>).
    /// </summary>
    public async Task<VoteOutcome> RecordVoteAsync(long askId, string channel, string userId, bool helpful, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(userId);
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            using var connection = await OpenAsync(ct).ConfigureAwait(false);

            // BEGIN IMMEDIATE (the default here) takes the write lock up front, so a concurrent vote by the
            // same user from another process cannot slip between the read and the write below.
            using var transaction = connection.BeginTransaction();
            var exists = await ScalarAsync(connection, transaction, "SELECT 1 FROM asks WHERE id = $id;", ct, ("$id", askId)).ConfigureAwait(false);
            if (exists is null)
            {
                return VoteOutcome.UnknownAsk;
            }

            var userHash = HashUser(channel, userId);
            var previous = await ScalarAsync(
                connection,
                transaction,
                "SELECT helpful FROM votes WHERE ask_id = $id AND user_hash = $user;",
                ct,
                ("$id", askId),
                ("$user", userHash)).ConfigureAwait(false);
            VoteOutcome outcome;
            if (previous is null)
            {
                outcome = VoteOutcome.Recorded;
                await ScalarAsync(
                    connection,
                    transaction,
                    "INSERT INTO votes (ask_id, user_hash, helpful, voted_at) VALUES ($id, $user, $helpful, $at);",
                    ct,
                    ("$id", askId),
                    ("$user", userHash),
                    ("$helpful", helpful ? 1 : 0),
                    ("$at", _time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
            }
            else if (Convert.ToInt64(previous, CultureInfo.InvariantCulture) != 0 == helpful)
            {
                return VoteOutcome.Unchanged;
            }
            else
            {
                outcome = VoteOutcome.Changed;
                await ScalarAsync(
                    connection,
                    transaction,
                    "UPDATE votes SET helpful = $helpful, voted_at = $at WHERE ask_id = $id AND user_hash = $user;",
                    ct,
                    ("$id", askId),
                    ("$user", userHash),
                    ("$helpful", helpful ? 1 : 0),
                    ("$at", _time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
            }

            transaction.Commit();
            return outcome;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            LogStorageFailed(ex, nameof(RecordVoteAsync), DatabasePath);
            return VoteOutcome.StorageFailed;
        }
    }

    /// <summary>
    /// Deletes the questions asked more than <see cref="DataOptions.RetentionDays"/> days ago, with their
    /// votes; returns how many questions were deleted (0 when storage failed).
    /// </summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var cutoff = (_time.GetUtcNow() - TimeSpan.FromDays(_retentionDays)).ToUnixTimeMilliseconds();
            using var connection = await OpenAsync(ct).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction();

            // Votes first and explicitly: the foreign key cascades too, but only on connections that enabled
            // foreign keys, and another tool writing the file may not have.
            await ExecuteAsync(
                connection,
                transaction,
                "DELETE FROM votes WHERE ask_id IN (SELECT id FROM asks WHERE asked_at < $cutoff);",
                ct,
                ("$cutoff", cutoff)).ConfigureAwait(false);
            var deleted = await ExecuteAsync(connection, transaction, "DELETE FROM asks WHERE asked_at < $cutoff;", ct, ("$cutoff", cutoff)).ConfigureAwait(false);
            transaction.Commit();
            if (deleted > 0)
            {
                LogPurged(deleted, _retentionDays);
            }

            return deleted;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            LogStorageFailed(ex, nameof(PurgeExpiredAsync), DatabasePath);
            return 0;
        }
    }

    /// <summary>Closes the pooled connections to this file, so it can be moved or deleted.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Cuts an over-long question at <see cref="MaxQuestionLength"/> without splitting a surrogate pair.</summary>
    internal static string Truncate(string question)
    {
        if (question.Length <= MaxQuestionLength)
        {
            return question;
        }

        var end = char.IsHighSurrogate(question[MaxQuestionLength - 1]) ? MaxQuestionLength - 1 : MaxQuestionLength;
        return question[..end];
    }

    /// <summary>The errors that mean "storage unusable now"; anything else is a bug and propagates.</summary>
    private static bool IsStorageFailure(Exception exception) =>
        exception is SqliteException or IOException or UnauthorizedAccessException;
}
