using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.SocketMode;

/// <summary>Acknowledges an envelope on the socket that brought it (Slack ignores acks sent on another socket).</summary>
public interface ISocketAcker
{
    /// <param name="envelopeId">The envelope's id.</param>
    /// <param name="payload">For slash commands: the reply itself, shown at once; null for a bare ack.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>False when the ack could not be sent (the socket is gone).</returns>
    Task<bool> AckAsync(string envelopeId, SlackMessage? payload, CancellationToken ct);
}
