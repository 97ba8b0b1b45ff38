using System.Net.WebSockets;
using System.Text;

namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>Minimal text I/O over <see cref="ClientWebSocket"/> for the fake's self-tests.</summary>
internal static class ClientSocketExtensions
{
    public static Task SendTextAsync(this ClientWebSocket socket, string text, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);

    /// <summary>The next whole text message, or null when the server sent a close frame.</summary>
    public static async Task<string?> ReceiveTextAsync(this ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }
}
