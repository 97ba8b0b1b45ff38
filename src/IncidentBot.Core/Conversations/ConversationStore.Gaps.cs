namespace IncidentBot.Core.Conversations;

/// <summary>Reading back the questions the documents did not serve well, for the gaps report.</summary>
public sealed partial class ConversationStore
{
    /// <summary>Most questions one gaps report reads: enough for any real month, bounded for a flood.</summary>
    internal const int MaxWeakAsks = 5000;

    /// <summary>
    /// The questions asked since <paramref name="since"/> that were unanswered or got more "Not helpful" than
    /// "Helpful" votes, newest first; <see langword="null"/> when storage failed.
    /// </summary>
    public async Task<IReadOnlyList<WeakAsk>?> ListWeakAsksAsync(DateTimeOffset since, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            using var connection = await OpenAsync(ct).ConfigureAwait(false);
            using var command = connection.CreateCommand();

            // The vote counts' names must differ from the votes' own column: in HAVING, SQLite would read a bare
            // "helpful" as the column of an arbitrary row of the group, not as the sum.
            command.CommandText = """
                SELECT a.question, a.channel, a.answered, a.asked_at,
                       COALESCE(SUM(CASE WHEN v.helpful = 1 THEN 1 ELSE 0 END), 0) AS helpful_votes,
                       COALESCE(SUM(CASE WHEN v.helpful = 0 THEN 1 ELSE 0 END), 0) AS not_helpful_votes
                FROM asks a LEFT JOIN votes v ON v.ask_id = a.id
                WHERE a.asked_at >= $since
                GROUP BY a.id
                HAVING a.answered = 0 OR not_helpful_votes > helpful_votes
                ORDER BY a.asked_at DESC, a.id DESC
                LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$limit", MaxWeakAsks);
            using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var asks = new List<WeakAsk>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                asks.Add(new WeakAsk(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetInt64(2) != 0,
                    reader.GetInt32(4),
                    reader.GetInt32(5),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
            }

            return asks;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            LogStorageFailed(ex, nameof(ListWeakAsksAsync), DatabasePath);
            return null;
        }
    }
}
