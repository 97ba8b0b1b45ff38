namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Block Kit limits (PROTOCOLS.md §7.4). Slack rejects a message that breaks any of them (<c>invalid_blocks</c>),
/// so every renderer trims to these. Lengths are UTF-16 chars: Slack counts characters, and a UTF-16 count is
/// never smaller, so a text that fits here fits there.
/// </summary>
public static class SlackLimits
{
    /// <summary>Blocks per message.</summary>
    public const int Blocks = 50;

    /// <summary>A section's text, and any text object (context elements included).</summary>
    public const int SectionText = 3000;

    /// <summary>Elements of a context block.</summary>
    public const int ContextElements = 10;

    /// <summary>Elements of an actions block.</summary>
    public const int ActionsElements = 25;

    /// <summary>A header's plain text.</summary>
    public const int HeaderText = 150;

    /// <summary>A button's plain text.</summary>
    public const int ButtonText = 75;

    /// <summary>A button's <c>action_id</c>.</summary>
    public const int ActionId = 255;

    /// <summary>A button's <c>value</c>.</summary>
    public const int ButtonValue = 2000;

    /// <summary>
    /// The top-level <c>text</c> fallback, as allowed here. It is shown in notifications, which Slack cuts
    /// much shorter, so renderers keep it to a sentence (<see cref="ShortFallbackText"/>).
    /// </summary>
    public const int FallbackText = 3000;

    /// <summary>What the renderers actually allow for the fallback of an answer.</summary>
    public const int ShortFallbackText = 300;
}
