using IncidentBot.Core.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Tests.Conversations;

/// <summary>
/// A temp folder (<c>ibconv-&lt;guid&gt;</c>) for conversation databases, and the stores built on it;
/// all disposed and deleted at the end.
/// </summary>
internal sealed class ConversationHarness : IDisposable
{
    private readonly List<ConversationStore> _stores = [];

    public ConversationHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "ibconv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        DatabasePath = Path.Combine(Root, "data", "incidentbot.db");
    }

    public string Root { get; }

    /// <summary>The default database file (its folder does not exist until a store creates it).</summary>
    public string DatabasePath { get; }

    public ListLogger<ConversationStore> Logger { get; } = new();

    public ConversationStore CreateStore(string? path = null, TimeProvider? time = null, int retentionDays = 30)
    {
        var store = new ConversationStore(
            Options.Create(new DataOptions { Path = path ?? DatabasePath, RetentionDays = retentionDays }),
            Logger,
            time);
        _stores.Add(store);
        return store;
    }

    /// <summary>A connection to a database file that bypasses the store (and the pool).</summary>
    public static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Runs one query on a raw connection and returns the first column of every row.</summary>
    public static List<object?> Query(string path, string sql)
    {
        using var connection = OpenRaw(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }

        return values;
    }

    public static AskRecord Ask(string question = "How do I restart the ingest worker?", string userId = "user-8675309", string channel = "discord") =>
        new(channel, userId, question, Answered: true, TopSource: "runbooks/ingest.md", TopParagraph: 3);

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
