using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Core.Conversations;

/// <summary>Connections, schema migration and the per-install salt of <see cref="ConversationStore"/>.</summary>
public sealed partial class ConversationStore
{
    /// <summary>The schema this build writes (<c>PRAGMA user_version</c>).</summary>
    internal const int SchemaVersion = 1;

    /// <summary>How long SQLite waits for another process's write lock before failing with SQLITE_BUSY.</summary>
    private const int BusyTimeoutMs = 5000;

    private const int SaltBytes = 32;

    // AUTOINCREMENT so an id is never reused after a purge: an old "More sources" button must find nothing
    // rather than somebody else's later question. Times are Unix milliseconds (UTC) so purging compares integers.
    private const string SchemaV1 = """
        CREATE TABLE IF NOT EXISTS asks (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            asked_at      INTEGER NOT NULL,
            channel       TEXT    NOT NULL,
            user_hash     TEXT    NOT NULL,
            question      TEXT    NOT NULL,
            answered      INTEGER NOT NULL,
            top_source    TEXT    NULL,
            top_paragraph INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS asks_asked_at ON asks (asked_at);
        CREATE TABLE IF NOT EXISTS votes (
            ask_id    INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
            user_hash TEXT    NOT NULL,
            helpful   INTEGER NOT NULL,
            voted_at  INTEGER NOT NULL,
            PRIMARY KEY (ask_id, user_hash)
        );
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """;

    /// <summary>Set once the schema is known to be current; holds the salt for <see cref="HashUser"/>.</summary>
    private volatile byte[]? _salt;

    private static string BuildConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,

        // Seconds a command keeps retrying while the database is locked; bounds how long a chat reply waits.
        DefaultTimeout = 10,
    }.ToString();

    /// <summary>Opens a connection, creating and migrating the database on the first call that succeeds.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        if (_salt is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);

            // Per connection, not stored in the file: lets SQLite itself wait out shards writing at the same time.
            await ExecuteAsync(connection, null, $"PRAGMA busy_timeout = {BusyTimeoutMs};", ct).ConfigureAwait(false);
            if (_salt is null)
            {
                // Racing first calls both migrate; that is safe because migration is idempotent and serialised
                // by its write transaction, exactly as when two processes start at once.
                _salt = await InitializeAsync(connection, ct).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Brings the schema to <see cref="SchemaVersion"/> and returns the install's salt (created once).</summary>
    private static async Task<byte[]> InitializeAsync(SqliteConnection connection, CancellationToken ct)
    {
        // WAL lets shards read while another writes. It is stored in the file, and cannot change inside a transaction.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", ct).ConfigureAwait(false);

        using var transaction = connection.BeginTransaction();
        var version = Convert.ToInt32(
            await ScalarAsync(connection, transaction, "PRAGMA user_version;", ct).ConfigureAwait(false),
            CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            // A newer build changed the schema; writing to it blindly could damage its data.
            throw new IOException(string.Create(
                CultureInfo.InvariantCulture,
                $"The conversation database has schema version {version}; this build understands up to {SchemaVersion}."));
        }

        if (version < 1)
        {
            await ExecuteAsync(connection, transaction, SchemaV1, ct).ConfigureAwait(false);
        }

        // Later versions: "if (version < 2) { ... }" here, each step in this same transaction.
        if (version < SchemaVersion)
        {
            await ExecuteAsync(connection, transaction, $"PRAGMA user_version = {SchemaVersion};", ct).ConfigureAwait(false);
        }

        // OR IGNORE: the first process to get here picks the salt, every later one reads the same.
        await ExecuteAsync(
            connection,
            transaction,
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', $salt);",
            ct,
            ("$salt", Convert.ToHexString(RandomNumberGenerator.GetBytes(SaltBytes)))).ConfigureAwait(false);
        var saltHex = await ScalarAsync(connection, transaction, "SELECT value FROM meta WHERE key = 'salt';", ct).ConfigureAwait(false) as string;
        transaction.Commit();

        // A mangled salt is a damaged file; regenerating it silently would split every user's votes in two.
        if (saltHex is not { Length: SaltBytes * 2 } || !saltHex.All(char.IsAsciiHexDigit))
        {
            throw new IOException("The salt in the conversation database is damaged.");
        }

        return Convert.FromHexString(saltHex);
    }

    /// <summary>
    /// Hex SHA-256 over the install's salt, then UTF-8 of <c>channel:userId</c>. The salt makes the hash
    /// useless for looking a known user id up in a copied database; the channel keeps equal ids on two
    /// platforms apart.
    /// </summary>
    private string HashUser(string channel, string userId)
    {
        var salt = _salt ?? throw new InvalidOperationException("The conversation database is not open yet.");
        var text = Encoding.UTF8.GetBytes(channel + ":" + userId);
        var input = new byte[salt.Length + text.Length];
        salt.CopyTo(input, 0);
        text.CopyTo(input, salt.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        using var command = CreateCommand(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        using var command = CreateCommand(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    private static SqliteCommand CreateCommand(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
