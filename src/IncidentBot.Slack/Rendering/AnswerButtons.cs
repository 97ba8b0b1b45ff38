using System.Globalization;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// The buttons under an answer. Their <c>value</c> is the stored ask's id (<c>{askId}</c>), or <c>{askId}:{page}</c>
/// for "More sources"; the longest (<see cref="long.MinValue"/> and a 10-digit page) is 31 chars, far inside
/// <see cref="SlackLimits.ButtonValue"/>.
/// </summary>
internal static class AnswerButtons
{
    public const string ShareLabel = "Share in channel";
    public const string MoreLabel = "More sources";
    public const string HelpfulLabel = "Helpful";
    public const string NotHelpfulLabel = "Not helpful";

    /// <summary>Slack's green button style.</summary>
    public const string Primary = "primary";

    /// <summary>"Share in channel", the one primary button: it is what an ephemeral answer is for.</summary>
    public static ButtonElement Share(long askId) =>
        new(TextObject.Plain(ShareLabel), ActionIds.Share, Id(askId)) { Style = Primary };

    /// <summary>"More sources" for <paramref name="page"/> (default style).</summary>
    public static ButtonElement More(long askId, int page) =>
        new(TextObject.Plain(MoreLabel), ActionIds.More, string.Create(CultureInfo.InvariantCulture, $"{askId}:{page}"));

    /// <summary>
    /// "Helpful" and "Not helpful", both in the default style: Slack allows one primary per group, and red
    /// (<c>danger</c>) means destructive, which a vote is not.
    /// </summary>
    public static IReadOnlyList<ButtonElement> Votes(long askId) =>
    [
        new(TextObject.Plain(HelpfulLabel), ActionIds.Helpful, Id(askId)),
        new(TextObject.Plain(NotHelpfulLabel), ActionIds.NotHelpful, Id(askId)),
    ];

    private static string Id(long askId) => askId.ToString(CultureInfo.InvariantCulture);
}
