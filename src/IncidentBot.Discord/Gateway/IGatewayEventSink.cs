using System.Text.Json;

namespace IncidentBot.Discord.Gateway;

/// <summary>Receives dispatches (op 0) from the receive loop. Must return at once: the loop never waits on a handler.</summary>
public interface IGatewayEventSink
{
    /// <param name="shardId">The shard that received it.</param>
    /// <param name="eventName">The dispatch's <c>t</c>, e.g. INTERACTION_CREATE.</param>
    /// <param name="data">The dispatch's <c>d</c>, detached from the receive buffer.</param>
    void OnDispatch(int shardId, string eventName, JsonElement data);
}
