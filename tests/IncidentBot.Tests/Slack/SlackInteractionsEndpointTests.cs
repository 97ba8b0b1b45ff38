using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Tests.Fakes;
using IncidentBot.Slack.Tests.Integration;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>
/// <c>POST /slack/interactions</c> on the real service: a signed <c>block_actions</c> click gets an empty 200 at
/// once, and its reply follows through the click's <c>response_url</c>. Unsigned → 401; unreadable → 400.
/// </summary>
public sealed class SlackInteractionsEndpointTests(SlackHttpFixture fixture) : IClassFixture<SlackHttpFixture>
{
    private RunningService Service => fixture.Service;

    private FakeSlack Fake => fixture.Fake;

    [Fact]
    public async Task Post_SignedMoreClick_Returns200EmptyThenEphemeralSourcesOnTheResponseUrl()
    {
        var askId = await AskAsync();
        var click = Fake.BlockActionsPayload(ActionIds.More, Value(askId) + ":1");

        var (status, body) = await ClickAsync(click);
        var post = await Fake.WaitForResponsePostAsync(p => p.Url == ResponseUrl(click), SlackHttp.Wait);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(string.Empty, body);
        Assert.Equal("ephemeral", SlackReply.ResponseType(post.Body));
        Assert.False(SlackReply.ReplaceOriginal(post.Body));
        var text = SlackReply.AllText(post.Body);
        Assert.True(
            text.Contains("No more sources", StringComparison.Ordinal) || text.Contains("Sources 4", StringComparison.Ordinal),
            "not a More sources page: " + post.Body.GetRawText());
    }

    [Fact]
    public async Task Post_SignedHelpfulClick_Returns200EmptyThenRecordedNotice()
    {
        var askId = await AskAsync();
        var click = Fake.BlockActionsPayload(ActionIds.Helpful, Value(askId));

        var (status, body) = await ClickAsync(click);
        var post = await Fake.WaitForResponsePostAsync(p => p.Url == ResponseUrl(click), SlackHttp.Wait);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(string.Empty, body);
        Assert.Contains("recorded", SlackReply.AllText(post.Body), StringComparison.Ordinal);
        Assert.False(SlackReply.ReplaceOriginal(post.Body));
    }

    [Fact]
    public async Task Post_SignedShareClick_Returns200EmptyThenInChannelAnswer()
    {
        var askId = await AskAsync();
        var click = Fake.BlockActionsPayload(ActionIds.Share, Value(askId));

        var (status, _) = await ClickAsync(click);
        var post = await Fake.WaitForResponsePostAsync(p => p.Url == ResponseUrl(click), SlackHttp.Wait);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("in_channel", SlackReply.ResponseType(post.Body));
        Assert.Contains("1,400", SlackReply.AllText(post.Body), StringComparison.Ordinal);
        Assert.DoesNotContain(ActionIds.Share, SlackReply.ActionIds(post.Body));
    }

    [Theory]
    [InlineData("payload=%7B%22type%22%3A")]
    [InlineData("payload=not+json")]
    [InlineData("payload=")]
    [InlineData("nothing=here")]
    [InlineData("")]
    public async Task Post_SignedButUnreadable_Returns400(string body)
    {
        using var request = SlackHttp.Signed(SlackHttp.InteractionsPath, body);

        using var response = await Service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_SignedJsonThatIsNotAClick_Returns200AndPostsNothing()
    {
        var payload = new JsonObject { ["type"] = "view_submission", ["user"] = new JsonObject { ["id"] = "U111" } };
        using var request = SlackHttp.Signed(SlackHttp.InteractionsPath, Fake.InteractionFormBody(payload));

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnsignedClick_Returns401AndPostsNothing()
    {
        var click = Fake.BlockActionsPayload(ActionIds.Helpful, "1");
        using var request = SlackHttp.Unsigned(SlackHttp.InteractionsPath, Fake.InteractionFormBody(click));

        using var response = await Service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(Fake.ResponsePosts, p => p.Url == ResponseUrl(click));
    }

    [Fact]
    public async Task Post_ClickSignedWithAnotherSecret_Returns401()
    {
        var click = Fake.BlockActionsPayload(ActionIds.Helpful, "1");
        using var request = SlackHttp.Signed(SlackHttp.InteractionsPath, Fake.InteractionFormBody(click), secret: "another-signing-secret-0123456789");

        using var response = await Service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_InteractionOver64KB_Returns413()
    {
        var body = "payload=" + new string('x', (64 * 1024) + 1);
        using var request = SlackHttp.Signed(SlackHttp.InteractionsPath, body);

        using var response = await Service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static string Value(long askId) => askId.ToString(CultureInfo.InvariantCulture);

    private static string ResponseUrl(JsonObject payload) => payload["response_url"]!.GetValue<string>();

    /// <summary>Asks the answerable question over HTTP; returns the stored ask id from the answer's buttons.</summary>
    private async Task<long> AskAsync()
    {
        var (body, fields) = SlackHttp.Command(Fake, "/ask", TestSeeds.TargetedQuestion);
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body);
        using var response = await Service.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SlackReply.AskId(await SlackHttp.ReplyAsync(Fake, fields, await SlackHttp.ReadJsonAsync(response)));
    }

    private async Task<(HttpStatusCode Status, string Body)> ClickAsync(JsonObject click)
    {
        using var request = SlackHttp.Signed(SlackHttp.InteractionsPath, Fake.InteractionFormBody(click));
        using var response = await Service.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
