namespace IncidentBot.Discord.Commands;

/// <summary>What registering the commands did.</summary>
public enum CommandRegistrationStatus
{
    /// <summary>The definitions changed (or were forced) and were written.</summary>
    Registered,

    /// <summary>Discord already has exactly these definitions: nothing was written.</summary>
    Unchanged,

    /// <summary>Discord refused or could not be reached; see the error.</summary>
    Failed,
}
