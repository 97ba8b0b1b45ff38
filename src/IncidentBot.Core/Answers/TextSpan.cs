using System.Text.Json.Serialization;

namespace IncidentBot.Core.Answers;

/// <summary>A highlighted range of a text: the characters [Start, Start + Length).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    [JsonIgnore]
    public int End => Start + Length;
}
