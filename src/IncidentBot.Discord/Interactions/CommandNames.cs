namespace IncidentBot.Discord.Interactions;

/// <summary>The slash commands the bot registers.</summary>
public static class CommandNames
{
    public const string Ask = "ask";
    public const string Sources = "sources";
    public const string Timeline = "timeline";
    public const string Reindex = "reindex";
    public const string Gaps = "gaps";
}
