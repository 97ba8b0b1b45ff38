using System.Net;
using System.Net.Sockets;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Cli;

/// <summary><c>health</c>, the container's HEALTHCHECK, against a real running service.</summary>
public sealed class HealthCommandTests
{
    [Fact]
    public async Task Health_ReadyService_ExitsZero()
    {
        await using var service = await RunningService.StartAsync();

        var result = await CliRunner.RunAsync("health", "--url", service.Address.ToString());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("readyz: 200", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ServiceWithoutAnIndex_NotReadyExitsOneButLive()
    {
        using var empty = new TempDirectory();
        await using var service = await RunningService.StartAsync(seeds: empty.Root, waitUntilReady: false);

        var ready = await CliRunner.RunAsync("health", "--url", service.Address.ToString());
        var live = await CliRunner.RunAsync("health", "--url", service.Address.ToString(), "--live");

        Assert.Equal(1, ready.ExitCode);
        Assert.Contains("readyz: 503", ready.Error, StringComparison.Ordinal);
        Assert.Equal(0, live.ExitCode);
    }

    [Fact]
    public async Task Health_NothingListening_ExitsOneWithOneLine()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CliRunner.RunAsync("health", "--url", $"http://127.0.0.1:{port}", "--timeout", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: no answer from", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("not a url")]
    public async Task Health_BadUrl_UsageError(string url)
    {
        var result = await CliRunner.RunAsync("health", "--url", url);

        Assert.Equal(2, result.ExitCode);
    }
}
