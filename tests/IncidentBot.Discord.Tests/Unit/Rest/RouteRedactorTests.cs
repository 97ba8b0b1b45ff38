using IncidentBot.Discord.Rest;

namespace IncidentBot.Discord.Tests.Unit.Rest;

public sealed class RouteRedactorTests
{
    private const string Token = "aW50ZXJhY3Rpb246ODQ2NDYyNjM5MTM0NjA1MzEyOnNlY3JldA-_.x";

    [Theory]
    [InlineData("interactions/846462639134605312/{t}/callback", "interactions/846462639134605312/:token/callback")]
    [InlineData("interactions/846462639134605312/{t}/callback?with_response=true", "interactions/846462639134605312/:token/callback?with_response=true")]
    [InlineData("webhooks/290926444748734465/{t}/messages/@original", "webhooks/290926444748734465/:token/messages/@original")]
    [InlineData("webhooks/290926444748734465/{t}", "webhooks/290926444748734465/:token")]
    [InlineData("webhooks/290926444748734465/{t}?wait=true", "webhooks/290926444748734465/:token?wait=true")]
    [InlineData("https://discord.com/api/v10/interactions/1/{t}/callback", "https://discord.com/api/v10/interactions/1/:token/callback")]
    [InlineData("/api/v10/webhooks/1/{t}/messages/@original", "/api/v10/webhooks/1/:token/messages/@original")]
    public void Redact_TokenRoutes_ReplaceTheToken(string template, string expected)
    {
        var redacted = RouteRedactor.Redact(template.Replace("{t}", Token, StringComparison.Ordinal));

        Assert.Equal(expected, redacted);
        Assert.DoesNotContain(Token, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("applications/290926444748734465/commands")]
    [InlineData("applications/290926444748734465/guilds/290926798626357999/commands")]
    [InlineData("gateway/bot")]
    [InlineData("")]
    public void Redact_RoutesWithoutTokens_Unchanged(string path)
    {
        Assert.Equal(path, RouteRedactor.Redact(path));
    }
}
