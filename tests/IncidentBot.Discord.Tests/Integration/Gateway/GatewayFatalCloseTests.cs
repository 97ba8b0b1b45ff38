using Microsoft.Extensions.Logging;
using static IncidentBot.Discord.Tests.Integration.Gateway.GatewayHarness;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>Close codes reconnecting cannot fix stop the gateway for good (PROTOCOLS.md §1.8).</summary>
public sealed class GatewayFatalCloseTests
{
    /// <summary>Six times the first backoff (50 ms): a client that reconnects would have done so by then.</summary>
    private static readonly TimeSpan NoReconnectWait = TimeSpan.FromMilliseconds(300);

    [Theory]
    [InlineData(4004, "authentication")]
    [InlineData(4010, "shard")]
    [InlineData(4011, "shard")]
    [InlineData(4012, "version")]
    [InlineData(4013, "intent")]
    [InlineData(4014, "intent")]
    public async Task FatalClose_StopsWithFatalResult_NoReconnect_LogsCause(int closeCode, string cause)
    {
        await using var harness = await StartAsync();
        var connection = await harness.NextConnectionAsync();
        await connection.SendHelloAsync(QuietIntervalMs);
        await connection.ExpectAsync(2, Wait);

        await connection.CloseAsync(closeCode, "scripted");
        var result = await harness.Gateway.WaitAsync(Wait);

        Assert.True(result.Fatal);
        Assert.Contains(cause, result.Reason, StringComparison.OrdinalIgnoreCase);
        if (closeCode == 4004)
        {
            Assert.Contains("token", result.Reason, StringComparison.OrdinalIgnoreCase);
        }

        await Assert.ThrowsAsync<TimeoutException>(() => harness.NextConnectionAsync(NoReconnectWait));
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.Contains(
            harness.Logs.Lines,
            l => l.Level >= LogLevel.Error
                && l.Message.Contains(closeCode.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                && l.Message.Contains(cause, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The real 4004: Identify with a token Discord does not know (REST still accepts the right one).</summary>
    [Fact]
    public async Task WrongTokenOnGateway_FakeClosesWith4004_FatalAndNamed()
    {
        await using var harness = await StartAsync();
        var connection = await harness.NextConnectionAsync();
        harness.Fake.Token = "a-token-that-was-reset";
        await connection.SendHelloAsync(QuietIntervalMs);

        var result = await harness.Gateway.WaitAsync(Wait);

        Assert.Equal(4004, connection.ServerCloseCode);
        Assert.True(result.Fatal);
        Assert.Contains("token", result.Reason, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAsync<TimeoutException>(() => harness.NextConnectionAsync(NoReconnectWait));
    }
}
