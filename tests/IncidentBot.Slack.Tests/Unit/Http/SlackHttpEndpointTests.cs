using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Http;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.Http;

/// <summary>The endpoint logic on raw bytes: signature and age (401), form (400), then the reply.</summary>
public sealed class SlackHttpEndpointTests : IndexHarnessTests
{
    private const string Question = "How many users were targeted?";
    private static readonly string Secret = SignatureVector.Official.SigningSecret;

    [Fact]
    public async Task HandleCommandAsync_SignedAsk_200JsonWithBlocks()
    {
        using var rig = NewRig();
        var body = TestPayloads.CommandForm("/ask", Question);
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleCommandAsync(body, timestamp, signature);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("application/json", result.ContentType);
        var root = MessageJson.Parse(Encoding.UTF8.GetString(result.Body));
        Assert.Equal("ephemeral", MessageJson.ResponseType(root));
        Assert.Contains("1,400", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(MessageJson.Blocks(root));
        Assert.Contains(MessageJson.ButtonList(root), b => b.ActionId == ActionIds.Share);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task HandleCommandAsync_OfficialVectorAtItsTime_200UnknownCommandNotice()
    {
        // The documented request itself: signed with the documented secret, verified at the documented time.
        var vector = SignatureVector.Official;
        using var rig = new SlackRig(Harness, o => o.SigningSecret = vector.SigningSecret, FakeClock.AtUnixSeconds(vector.UnixSeconds));

        var result = await rig.CreateEndpoint().HandleCommandAsync(vector.BodyBytes, vector.Timestamp, vector.Signature);

        Assert.Equal(200, result.StatusCode);
        var root = MessageJson.Parse(Encoding.UTF8.GetString(result.Body));
        Assert.Contains("/webhook-collect", root.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleCommandAsync_BadSignature_401()
    {
        using var rig = NewRig();
        var body = TestPayloads.CommandForm("/ask", Question);
        var (timestamp, signature) = Sign(rig, body);
        var forged = signature[..^1] + (signature[^1] == '0' ? '1' : '0');

        var result = await rig.CreateEndpoint().HandleCommandAsync(body, timestamp, forged);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task HandleCommandAsync_BodyChangedAfterSigning_401()
    {
        using var rig = NewRig();
        var body = TestPayloads.CommandForm("/ask", Question);
        var (timestamp, signature) = Sign(rig, body);
        var tampered = TestPayloads.CommandForm("/ask", Question, TestPayloads.AdminUserId);

        var result = await rig.CreateEndpoint().HandleCommandAsync(tampered, timestamp, signature);

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task HandleCommandAsync_MissingHeader_401(bool noTimestamp, bool noSignature)
    {
        using var rig = NewRig();
        var body = TestPayloads.CommandForm("/ask", Question);
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleCommandAsync(body, noTimestamp ? null : timestamp, noSignature ? null : signature);

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-3600)]
    public async Task HandleCommandAsync_StaleSignature_401(int offsetSeconds)
    {
        using var rig = NewRig();
        var body = TestPayloads.CommandForm("/ask", Question);
        var timestamp = (rig.Time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);
        var signature = SignatureVector.Sign(Secret, timestamp, body);

        var result = await rig.CreateEndpoint().HandleCommandAsync(body, timestamp, signature);

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("stale", Encoding.UTF8.GetString(result.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleCommandAsync_SignatureFromFourMinutesAgo_200()
    {
        using var rig = NewRig();
        var body = TestPayloads.CommandForm("/incident-sources", "");
        var timestamp = (rig.Time.GetUtcNow().ToUnixTimeSeconds() - 240).ToString(CultureInfo.InvariantCulture);

        var result = await rig.CreateEndpoint().HandleCommandAsync(body, timestamp, SignatureVector.Sign(Secret, timestamp, body));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task HandleCommandAsync_SslCheck_200Empty()
    {
        using var rig = NewRig();
        var body = TestPayloads.Form(("ssl_check", "1"), ("token", "verification-token"));
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleCommandAsync(body, timestamp, signature);

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Body);
    }

    [Fact]
    public async Task HandleCommandAsync_UnsignedSslCheck_401()
    {
        using var rig = NewRig();

        var result = await rig.CreateEndpoint().HandleCommandAsync(TestPayloads.Form(("ssl_check", "1")), null, null);

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData("command")]
    [InlineData("user_id")]
    public async Task HandleCommandAsync_SignedFormWithoutCommandOrUser_400(string missing)
    {
        using var rig = NewRig();
        var fields = FormBody.Parse(TestPayloads.CommandForm("/ask", Question)).Where(f => f.Key != missing).Select(f => (f.Key, f.Value)).ToArray();
        var body = TestPayloads.Form(fields);
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleCommandAsync(body, timestamp, signature);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("application/json", result.ContentType);
        Assert.NotNull(MessageJson.Parse(Encoding.UTF8.GetString(result.Body)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task HandleCommandAsync_SignedEmptyBody_400()
    {
        using var rig = NewRig();
        var (timestamp, signature) = Sign(rig, []);

        var result = await rig.CreateEndpoint().HandleCommandAsync(Array.Empty<byte>(), timestamp, signature);

        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public async Task HandleCommandAsync_SlowCommand_SearchingNowThenTheReplyPosted()
    {
        using var rig = NewRig(o => o.AdminUserIds.Add(TestPayloads.AdminUserId));
        rig.Responder.ReplyWithinOverride = TimeSpan.FromMilliseconds(50);
        using var busy = await Harness.HoldIndexBuildAsync();
        var body = TestPayloads.CommandForm("/incident-reindex", "", TestPayloads.AdminUserId);
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.Time.AdvanceUntilDoneAsync(rig.CreateEndpoint().HandleCommandAsync(body, timestamp, signature), TimeSpan.FromMilliseconds(50));

        Assert.Equal(200, result.StatusCode);
        var root = MessageJson.Parse(Encoding.UTF8.GetString(result.Body));
        Assert.Equal("ephemeral", MessageJson.ResponseType(root));
        Assert.Contains("Searching", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, rig.Http.Count);

        await busy.ReleaseAsync();
        await rig.WaitForBackgroundAsync();
        var post = Assert.Single(rig.Http.Requests);
        Assert.Equal(TestPayloads.CommandResponseUrl, post.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task HandleCommandAsync_SigningSecretNotConfigured_401()
    {
        using var rig = new SlackRig(Harness);
        var body = TestPayloads.CommandForm("/ask", Question);
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleCommandAsync(body, timestamp, signature);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task HandleInteractionAsync_SignedBlockActions_200EmptyThenResponseUrlPost()
    {
        using var rig = NewRig();
        var askId = MessageJson.AskId(await rig.Handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));
        var body = TestPayloads.InteractionForm(TestPayloads.ClickNode(TestPayloads.UserId, (ActionIds.Helpful, askId.ToString(CultureInfo.InvariantCulture))));
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleInteractionAsync(body, timestamp, signature);

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Body);
        await rig.WaitForBackgroundAsync();
        var post = Assert.Single(rig.Http.Requests);
        Assert.Equal(TestPayloads.ActionResponseUrl, post.Uri.AbsoluteUri);
        Assert.Equal("Thanks: recorded as helpful.", MessageJson.Parse(post.Body!).GetProperty("text").GetString());
    }

    [Fact]
    public async Task HandleInteractionAsync_PayloadWithPlusAndPercentEncoding_Decoded()
    {
        // Slack's form encoder writes spaces as '+': the JSON must come out intact.
        using var rig = NewRig();
        var askId = MessageJson.AskId(await rig.Handler.HandleCommandAsync(TestPayloads.Ask(Question), CancellationToken.None));
        var json = TestPayloads.ClickNode(TestPayloads.UserId, (ActionIds.Helpful, askId.ToString(CultureInfo.InvariantCulture))).ToJsonString();
        var body = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(json).Replace("%20", "+", StringComparison.Ordinal));
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleInteractionAsync(body, timestamp, signature);
        await rig.WaitForBackgroundAsync();

        Assert.Equal(200, result.StatusCode);
        Assert.Single(rig.Http.Requests);
    }

    [Fact]
    public async Task HandleInteractionAsync_NotBlockActions_200EmptyNothingPosted()
    {
        using var rig = NewRig();
        var payload = TestPayloads.ClickNode(TestPayloads.UserId, (ActionIds.Helpful, "1"));
        payload["type"] = "view_submission";
        var body = TestPayloads.InteractionForm(payload);
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleInteractionAsync(body, timestamp, signature);
        await rig.WaitForBackgroundAsync();

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Body);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task HandleInteractionAsync_NoPayloadField_400()
    {
        using var rig = NewRig();
        var body = TestPayloads.Form(("token", "x"), ("type", "block_actions"));
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleInteractionAsync(body, timestamp, signature);

        Assert.Equal(400, result.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("{\"type\":\"block_actions\"")]
    [InlineData("block_actions")]
    public async Task HandleInteractionAsync_PayloadNotJson_400(string payload)
    {
        using var rig = NewRig();
        var body = TestPayloads.Form(("payload", payload));
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleInteractionAsync(body, timestamp, signature);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal(0, rig.Http.Count);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    public async Task HandleInteractionAsync_JsonButNotAnObject_200EmptyNothingPosted(string payload)
    {
        using var rig = NewRig();
        var body = TestPayloads.Form(("payload", payload));
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleInteractionAsync(body, timestamp, signature);
        await rig.WaitForBackgroundAsync();

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task HandleInteractionAsync_BadSignature_401AndNothingPosted()
    {
        using var rig = NewRig();
        var body = TestPayloads.InteractionForm(TestPayloads.ClickNode(TestPayloads.UserId, (ActionIds.Helpful, "1")));
        var (timestamp, _) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleInteractionAsync(body, timestamp, "v0=" + new string('0', 64));
        await rig.WaitForBackgroundAsync();

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task HandleInteractionAsync_Stale_401()
    {
        using var rig = NewRig();
        var body = TestPayloads.InteractionForm(TestPayloads.ClickNode(TestPayloads.UserId, (ActionIds.Helpful, "1")));
        var timestamp = (rig.Time.GetUtcNow().ToUnixTimeSeconds() - 301).ToString(CultureInfo.InvariantCulture);

        var result = await rig.CreateEndpoint().HandleInteractionAsync(body, timestamp, SignatureVector.Sign(Secret, timestamp, body));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task HandleInteractionAsync_SigningSecretNotConfigured_401()
    {
        using var rig = new SlackRig(Harness);
        var body = TestPayloads.InteractionForm(new JsonObject { ["type"] = "block_actions" });
        var (timestamp, signature) = Sign(rig, body);

        var result = await rig.CreateEndpoint().HandleInteractionAsync(body, timestamp, signature);

        Assert.Equal(401, result.StatusCode);
    }

    private SlackRig NewRig(Action<SlackOptions>? configure = null) => new(Harness, o =>
    {
        o.SigningSecret = Secret;
        configure?.Invoke(o);
    });

    /// <summary>Headers for <paramref name="body"/> signed now (on the rig's clock) with the test secret.</summary>
    private static (string Timestamp, string Signature) Sign(SlackRig rig, byte[] body)
    {
        var timestamp = rig.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, SignatureVector.Sign(Secret, timestamp, body));
    }
}
