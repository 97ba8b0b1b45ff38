using System.Net;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>Without <c>Slack:SigningSecret</c>, Slack's HTTP endpoints do not exist for callers.</summary>
public sealed class SlackHttpOffTests
{
    [Theory]
    [InlineData(SlackHttp.CommandsPath)]
    [InlineData(SlackHttp.InteractionsPath)]
    public async Task Post_NoSigningSecret_Returns404(string path)
    {
        await using var service = await RunningService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "",
            ["Slack:AppToken"] = "",
            ["Slack:BotToken"] = "",
        });
        using var request = SlackHttp.Signed(path, "command=%2Fask&user_id=U111&text=hello");

        using var response = await service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(service.Log.Lines, l => l.Contains("Slack is off", StringComparison.Ordinal));
    }
}
