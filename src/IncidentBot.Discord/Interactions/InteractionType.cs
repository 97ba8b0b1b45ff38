namespace IncidentBot.Discord.Interactions;

/// <summary>Interaction types (Discord docs: receiving-and-responding).</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}
