namespace IncidentBot.Discord.Messages;

/// <summary>Message flag bits this bot sets.</summary>
public static class MessageFlags
{
    /// <summary>1 &lt;&lt; 6: only the invoking user sees the message.</summary>
    public const int Ephemeral = 1 << 6;
}
