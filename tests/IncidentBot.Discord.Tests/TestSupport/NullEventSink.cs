using System.Text.Json;
using IncidentBot.Discord.Gateway;

namespace IncidentBot.Discord.Tests.TestSupport;

/// <summary>A gateway event sink that drops everything (for shard contexts that never connect).</summary>
internal sealed class NullEventSink : IGatewayEventSink
{
    public static NullEventSink Instance { get; } = new();

    public void OnDispatch(int shardId, string eventName, JsonElement data)
    {
    }
}
