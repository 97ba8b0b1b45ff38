namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Thrown by <see cref="FakeGatewayConnection.ReceiveAsync"/> once every frame has been read and the
/// connection is closed, so a test can tell "the client hung up" from "the client stayed silent" (a timeout).
/// </summary>
public sealed class GatewayClosedException : Exception
{
    public GatewayClosedException()
        : this("The gateway connection is closed.")
    {
    }

    public GatewayClosedException(string message)
        : base(message)
    {
    }

    public GatewayClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GatewayClosedException(int? clientCloseStatus, int? serverCloseCode)
        : base($"The gateway connection is closed (client close status: {Describe(clientCloseStatus)}, server close code: {Describe(serverCloseCode)}).")
    {
        ClientCloseStatus = clientCloseStatus;
        ServerCloseCode = serverCloseCode;
    }

    /// <summary>The status in the client's close frame; null when the socket dropped without one.</summary>
    public int? ClientCloseStatus { get; }

    /// <summary>The code the fake closed with (scripted or enforced), if it closed first.</summary>
    public int? ServerCloseCode { get; }

    private static string Describe(int? code) => code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
