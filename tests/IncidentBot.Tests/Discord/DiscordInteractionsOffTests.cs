using System.Net;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Discord;

/// <summary>With Discord off (the default), the interactions endpoint does not exist for callers.</summary>
public sealed class DiscordInteractionsOffTests
{
    [Fact]
    public async Task Post_DiscordModeOff_Returns404()
    {
        await using var service = await RunningService.StartAsync();
        using var signer = new InteractionSigner();
        using var request = signer.Request(DiscordInteractionsFixture.Ping());

        using var response = await service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        RunningService.AssertErrorBody(await RunningService.ReadJsonAsync(response));
    }
}
