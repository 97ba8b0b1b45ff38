using System.Text.Json.Serialization;

namespace IncidentBot.Slack.Messages;

/// <summary>A Block Kit block (limits: 50 per message; section text 3000; context 10 elements; actions 25).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
public abstract record SlackBlock
{
    public string? BlockId { get; init; }
}
