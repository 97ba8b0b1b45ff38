using System.Net;
using System.Text;
using System.Text.Json;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Discord;

/// <summary>
/// <c>POST /discord/interactions</c> on the real service in Discord HTTP mode (PROTOCOLS.md §3): every request is
/// verified (401), read within 64 KB (413) and parsed (400); PING gets PONG; commands are answered inline.
/// None of it may be a 500.
/// </summary>
public sealed class DiscordInteractionsEndpointTests(DiscordInteractionsFixture fixture) : IClassFixture<DiscordInteractionsFixture>
{
    private const int MaxBody = 64 * 1024;

    private RunningService Service => fixture.Service;

    private InteractionSigner Signer => fixture.Signer;

    [Fact]
    public async Task Post_SignedPing_Returns200PongAsJson()
    {
        using var request = Signer.Request(DiscordInteractionsFixture.Ping());

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Post_MissingSignatureHeaders_Returns401(bool withSignature, bool withTimestamp)
    {
        var body = Encoding.UTF8.GetBytes(DiscordInteractionsFixture.Ping());
        var timestamp = InteractionSigner.Timestamp();
        using var request = InteractionSigner.Unsigned(body);
        if (withSignature)
        {
            request.Headers.Add("X-Signature-Ed25519", Signer.Sign(timestamp, body));
        }

        if (withTimestamp)
        {
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        using var response = await Service.Client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("flipped")]
    [InlineData("zeros")]
    [InlineData("not hex")]
    [InlineData("short")]
    public async Task Post_WrongSignature_Returns401(string kind)
    {
        var body = Encoding.UTF8.GetBytes(DiscordInteractionsFixture.Ping());
        var timestamp = InteractionSigner.Timestamp();
        var valid = Signer.Sign(timestamp, body);
        var signature = kind switch
        {
            "flipped" => (valid[0] == '0' ? "1" : "0") + valid[1..],
            "zeros" => new string('0', 128),
            "not hex" => new string('z', 128),
            _ => valid[..64],
        };
        using var request = Signer.Request(body, signature, timestamp);

        using var response = await Service.Client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_SignedByAnotherKey_Returns401()
    {
        using var other = new InteractionSigner();
        using var request = other.Request(DiscordInteractionsFixture.Ping());

        using var response = await Service.Client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_ValidSignatureOverADifferentBody_Returns401()
    {
        var signed = Encoding.UTF8.GetBytes(DiscordInteractionsFixture.Ping());
        var sent = Encoding.UTF8.GetBytes(DiscordInteractionsFixture.Ping().Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal));
        var timestamp = InteractionSigner.Timestamp();
        using var request = Signer.Request(sent, Signer.Sign(timestamp, signed), timestamp);

        using var response = await Service.Client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_ValidSignatureForAnotherTimestamp_Returns401()
    {
        var body = Encoding.UTF8.GetBytes(DiscordInteractionsFixture.Ping());
        using var request = Signer.Request(body, Signer.Sign("1700000000", body), "1700000001");

        using var response = await Service.Client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("{\"type\":1,")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{\"type\":2}")]
    public async Task Post_SignedMalformedJson_Returns400(string json)
    {
        using var request = Signer.Request(json);

        using var response = await Service.Client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_BodyOver64KB_Returns413(bool chunked)
    {
        var body = Padded(DiscordInteractionsFixture.Ping(), MaxBody + 1);
        using var request = Signer.Request(body, content: chunked ? JsonChunked(body) : null);

        using var response = await Service.Client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_SignedPingOfExactly64KB_Returns200(bool chunked)
    {
        var body = Padded(DiscordInteractionsFixture.Ping(), MaxBody);
        using var request = Signer.Request(body, content: chunked ? JsonChunked(body) : null);

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Startup_LogsTheInviteUrlWithBotAndCommandScopes()
    {
        var line = await Service.Log.WaitForAsync("oauth2/authorize");

        Assert.Contains($"client_id={DiscordInteractionsFixture.ApplicationId}", line, StringComparison.Ordinal);
        Assert.Contains("scope=bot%20applications.commands", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SignedAsk_Returns200InlineAnswerWithEmbedAndNoMentions()
    {
        using var request = Signer.Request(DiscordInteractionsFixture.Command("ask", "2147483647", ("question", TestSeeds.TargetedQuestion)));

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var reply = await RunningService.ReadJsonAsync(response);
        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        var data = reply.GetProperty("data");
        var embed = Assert.Single(data.GetProperty("embeds").EnumerateArray());
        Assert.Contains("1,400", embed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, data.GetProperty("allowed_mentions").GetProperty("parse").ValueKind);
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(data.TryGetProperty("flags", out var flags) && (flags.GetInt32() & 64) != 0, "a public question got a private answer");

        // The question was recorded in the service's own SQLite file, not under the repository.
        Assert.NotNull(Service.DataPath);
        Assert.StartsWith(Service.TempRoot, Service.DataPath, StringComparison.Ordinal);
        Assert.True(File.Exists(Service.DataPath), $"{Service.DataPath} was not created");
    }

    [Fact]
    public async Task Post_SignedReindexWithoutPermissions_Returns200EphemeralRefusalAndDoesNotRebuild()
    {
        var before = IndexFiles();
        using var request = Signer.Request(DiscordInteractionsFixture.Command("reindex", "0"));

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await RunningService.ReadJsonAsync(response);
        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        var data = reply.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Contains("server managers", data.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, IndexFiles());
        Assert.Contains(Service.Log.Lines, l => l.Contains("Refused /reindex", StringComparison.Ordinal));
        Assert.DoesNotContain(Service.Log.Lines, l => l.Contains("asked to reindex", StringComparison.Ordinal));
    }

    private static byte[] Padded(string json, int size)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.True(bytes.Length <= size);

        // Trailing whitespace keeps it valid JSON: only the size differs.
        return [.. bytes, .. Enumerable.Repeat((byte)' ', size - bytes.Length)];
    }

    private static ChunkedContent JsonChunked(byte[] body)
    {
        var content = new ChunkedContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        RunningService.AssertErrorBody(await RunningService.ReadJsonAsync(response));
    }

    /// <summary>Names and sizes of the index files: a rebuild would write a new commit.</summary>
    private string[] IndexFiles() =>
        [.. Directory.EnumerateFiles(Service.IndexPath).Select(f => $"{Path.GetFileName(f)}:{new FileInfo(f).Length}").Order(StringComparer.Ordinal)];
}
