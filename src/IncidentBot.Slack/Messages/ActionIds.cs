namespace IncidentBot.Slack.Messages;

/// <summary>
/// The <c>action_id</c>s of the buttons under an answer. Their <c>value</c> carries the stored question's id
/// (<c>{askId}</c>, or <c>{askId}:{page}</c> for "More sources"), so a click works after a restart.
/// </summary>
public static class ActionIds
{
    public const string Share = "ask_share";
    public const string More = "ask_more";
    public const string Helpful = "ask_helpful";
    public const string NotHelpful = "ask_not_helpful";
}
