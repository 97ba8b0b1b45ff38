using System.Text.Json;
using IncidentBot.Discord.Tests.Fakes;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>Assertions shared by the end-to-end gateway tests.</summary>
internal static class GatewayAssert
{
    /// <summary>The connection asked for API v10 in JSON, uncompressed (PROTOCOLS.md §1.1).</summary>
    public static void VersionAndEncoding(FakeGatewayConnection connection)
    {
        var query = QueryHelpers.ParseQuery(connection.Query);
        Assert.True(query.TryGetValue("v", out var version), $"no v in '{connection.Query}'");
        Assert.Equal("10", version.ToString());
        Assert.True(query.TryGetValue("encoding", out var encoding), $"no encoding in '{connection.Query}'");
        Assert.Equal("json", encoding.ToString());
        Assert.False(query.ContainsKey("compress"), $"unexpected compress in '{connection.Query}'");
    }

    /// <summary>op 6 with the token, the session id from READY and the last sequence (PROTOCOLS.md §1.7).</summary>
    public static void Resume(GatewayFrame frame, string token, int sequence)
    {
        Assert.Equal(6, frame.Op);
        Assert.Equal(token, frame.D.GetProperty("token").GetString());
        Assert.Equal(GatewayHarness.SessionId, frame.D.GetProperty("session_id").GetString());
        Assert.Equal(sequence, frame.D.GetProperty("seq").GetInt32());
    }

    /// <summary>A close the session survives: any code but 1000/1001, or none at all (PROTOCOLS.md §1.7).</summary>
    public static void ResumableClientClose(int? code)
    {
        Assert.True(code is not (1000 or 1001), $"the client closed with {code}, which ends the session");
    }

    /// <summary>The heartbeat's <c>d</c>: null, or the sequence number.</summary>
    public static int? Sequence(GatewayFrame heartbeat) =>
        heartbeat.D.ValueKind == JsonValueKind.Number ? heartbeat.D.GetInt32() : null;
}
