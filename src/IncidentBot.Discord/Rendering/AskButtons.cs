using System.Globalization;
using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// The buttons under an answer and their <c>custom_id</c>s (PROTOCOLS.md §2.4: 1–100 chars, echoed back on
/// click): <c>ask:more:{askId}:{page}</c> and <c>ask:vote:{askId}:up|down</c>. The longest possible id
/// (<see cref="long.MinValue"/>, a 10-digit page) is 40 chars, well inside the limit.
/// </summary>
public static class AskButtons
{
    public const string MorePrefix = "ask:more:";
    public const string VotePrefix = "ask:vote:";
    public const string MoreLabel = "More sources";
    public const string HelpfulLabel = "Helpful";
    public const string NotHelpfulLabel = "Not helpful";

    /// <summary><c>ask:more:{askId}:{page}</c>.</summary>
    public static string MoreId(long askId, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{MorePrefix}{askId}:{page}");

    /// <summary><c>ask:vote:{askId}:up</c> or <c>…:down</c>.</summary>
    public static string VoteId(long askId, bool helpful) =>
        string.Create(CultureInfo.InvariantCulture, $"{VotePrefix}{askId}:{(helpful ? "up" : "down")}");

    /// <summary>A grey "More sources" button for <paramref name="page"/>.</summary>
    public static Button More(long askId, int page) => new(MoreLabel, MoreId(askId, page), Button.Secondary);

    /// <summary>
    /// "Helpful" (green) and "Not helpful" (grey: red means "destructive" in Discord's design language, and a
    /// vote is not that).
    /// </summary>
    public static IReadOnlyList<Button> Votes(long askId) =>
    [
        new(HelpfulLabel, VoteId(askId, helpful: true), Button.Success),
        new(NotHelpfulLabel, VoteId(askId, helpful: false), Button.Secondary),
    ];
}
