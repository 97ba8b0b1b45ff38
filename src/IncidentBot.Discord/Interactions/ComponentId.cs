using System.Globalization;

namespace IncidentBot.Discord.Interactions;

/// <summary>
/// A button's <c>custom_id</c>: <c>ask:more:{askId}:{page}</c> or <c>ask:vote:{askId}:up|down</c>. The id of the
/// stored question travels in the button, so a click works after a restart; anything else is not ours.
/// </summary>
public sealed record ComponentId(string Action, long AskId, string Argument)
{
    public const string More = "more";
    public const string Vote = "vote";

    public static ComponentId? Parse(string? customId)
    {
        var parts = customId?.Split(':');
        if (parts is not ["ask", var action, var id, var argument]
            || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var askId)
            || action is not (More or Vote))
        {
            return null;
        }

        return new ComponentId(action, askId, argument);
    }

    /// <summary>The page of a "More sources" click (1 or more), or null when malformed.</summary>
    public int? Page => Action == More && int.TryParse(Argument, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 100 ? page : null;

    /// <summary>The vote of a "Helpful" / "Not helpful" click, or null when malformed.</summary>
    public bool? Helpful => Action == Vote ? Argument switch { "up" => true, "down" => false, _ => null } : null;
}
