using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Discord.Tests.TestSupport;

namespace IncidentBot.Discord.Tests.Unit.Http;

/// <summary>The endpoint on bytes, with the real responder, handler, index and store behind it.</summary>
public sealed class HttpInteractionEndpointTests : IndexHarnessTests
{
    private const string Timestamp = "1700000000";

    private Ed25519TestKey _key = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _key = Ed25519TestKey.Rfc8032();
    }

    public override Task DisposeAsync()
    {
        _key?.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task HandleAsync_SignedPingSample_Returns200Pong()
    {
        using var rig = Rig();
        var vector = SampleFiles.ReadElement("discord_ed25519_test_vector.json").GetProperty("discord_style");
        var body = SampleFiles.ReadBytes("discord_interaction_ping_djs_test.json");

        var result = await rig.CreateEndpoint().HandleAsync(
            body, vector.GetProperty("X-Signature-Ed25519").GetString(), vector.GetProperty("X-Signature-Timestamp").GetString(), CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":1}"""), JsonNode.Parse(result.Json!)));
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task HandleAsync_SignedAsk_Returns200MessageWithEmbeds()
    {
        using var rig = Rig();
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            TestInteractions.Ask("How many users were targeted?"), DiscordJsonContext.Default.Interaction));

        var result = await rig.CreateEndpoint().HandleAsync(body, _key.Sign(Timestamp, body), Timestamp, CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        var json = JsonNode.Parse(result.Json!)!;
        Assert.Equal(4, (int)json["type"]!);
        Assert.Single(json["data"]!["embeds"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"parse":[]}"""), json["data"]!["allowed_mentions"]));
        Assert.Equal(0, rig.Http.Count);
    }

    [Fact]
    public async Task HandleAsync_SignedSlashSampleOfAnotherCommand_Returns200EphemeralNotice()
    {
        using var rig = Rig();
        var body = SampleFiles.ReadBytes("discord_interaction_slash_command.json");

        var result = await rig.CreateEndpoint().HandleAsync(body, _key.Sign(Timestamp, body), Timestamp, CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        var json = JsonNode.Parse(result.Json!)!;
        Assert.Equal(4, (int)json["type"]!);
        Assert.Equal(64, (int)json["data"]!["flags"]!);
    }

    [Fact]
    public async Task HandleAsync_SignedAutocomplete_Returns400Unsupported()
    {
        using var rig = Rig();
        var body = SampleFiles.ReadBytes("discord_interaction_autocomplete_djs_test.json");

        var result = await rig.CreateEndpoint().HandleAsync(body, _key.Sign(Timestamp, body), Timestamp, CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("unsupported", (string)JsonNode.Parse(result.Json!)!["error"]!, StringComparison.Ordinal);
    }

    public static TheoryData<string?, string?> BadSignatures => new()
    {
        { null, null },
        { null, Timestamp },
        { "", Timestamp },
        { new string('0', 128), Timestamp },
        { new string('0', 127), Timestamp },
        { "not-a-signature", Timestamp },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task HandleAsync_MissingOrBadSignature_Returns401(string? signature, string? timestamp)
    {
        using var rig = Rig();
        var body = SampleFiles.ReadBytes("discord_interaction_ping_djs_test.json");

        var result = await rig.CreateEndpoint().HandleAsync(body, signature, timestamp, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.NotNull(JsonNode.Parse(result.Json!)!["error"]);
    }

    [Fact]
    public async Task HandleAsync_SignatureOfAnotherTimestamp_Returns401()
    {
        using var rig = Rig();
        var body = SampleFiles.ReadBytes("discord_interaction_ping_djs_test.json");

        var result = await rig.CreateEndpoint().HandleAsync(body, _key.Sign(Timestamp, body), "1700000001", CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_BodyChangedAfterSigning_Returns401()
    {
        using var rig = Rig();
        var body = SampleFiles.ReadBytes("discord_interaction_ping_djs_test.json");
        var signature = _key.Sign(Timestamp, body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal));

        var result = await rig.CreateEndpoint().HandleAsync(tampered, signature, Timestamp, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_SignedByAnotherKey_Returns401()
    {
        using var rig = Rig();
        using var other = Ed25519TestKey.Create();
        var body = SampleFiles.ReadBytes("discord_interaction_ping_djs_test.json");

        var result = await rig.CreateEndpoint().HandleAsync(body, other.Sign(Timestamp, body), Timestamp, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task HandleAsync_NoPublicKeyConfigured_Returns401EvenWhenSigned(string? publicKey)
    {
        using var rig = new ResponderRig(Harness, o => o.PublicKey = publicKey);
        var body = SampleFiles.ReadBytes("discord_interaction_ping_djs_test.json");

        var result = await rig.CreateEndpoint().HandleAsync(body, _key.Sign(Timestamp, body), Timestamp, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"id\":")]
    [InlineData("")]
    [InlineData("\u00ff\u00fe")]
    public async Task HandleAsync_SignedNonJson_Returns400(string text)
    {
        using var rig = Rig();
        var body = Encoding.UTF8.GetBytes(text);

        var result = await rig.CreateEndpoint().HandleAsync(body, _key.Sign(Timestamp, body), Timestamp, CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        Assert.NotNull(JsonNode.Parse(result.Json!)!["error"]);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"ping\"")]
    [InlineData("""{"type":1}""")]
    [InlineData("""{"id":"1","type":1}""")]
    [InlineData("""{"token":"t","type":1}""")]
    public async Task HandleAsync_SignedJsonThatIsNotAnInteraction_Returns400(string text)
    {
        using var rig = Rig();
        var body = Encoding.UTF8.GetBytes(text);

        var result = await rig.CreateEndpoint().HandleAsync(body, _key.Sign(Timestamp, body), Timestamp, CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_SignedUnknownComponent_Returns400Unsupported()
    {
        // Nothing to answer: the endpoint says so rather than invent a reply.
        using var rig = Rig();
        var body = SampleFiles.ReadBytes("discord_interaction_component_button.json");

        var result = await rig.CreateEndpoint().HandleAsync(body, _key.Sign(Timestamp, body), Timestamp, CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
    }

    private ResponderRig Rig() => new(Harness, o => o.PublicKey = _key.PublicKeyHex);
}
