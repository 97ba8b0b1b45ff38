using System.Diagnostics;
using System.Net;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Tests.Fakes;
using IncidentBot.Slack.Tests.Integration;
using IncidentBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Tests.Slack;

/// <summary>
/// <c>POST /slack/commands</c> on the real service (PROTOCOLS.md §7.1-§7.2): every request is size-checked (413),
/// verified against the signing secret and the 5-minute window (401) and parsed (400); slash commands are answered
/// with JSON within Slack's 3 seconds. None of it may be a 500.
/// </summary>
public sealed class SlackCommandsEndpointTests(SlackHttpFixture fixture) : IClassFixture<SlackHttpFixture>
{
    private const int MaxBody = 64 * 1024;

    private RunningService Service => fixture.Service;

    [Fact]
    public async Task Post_SignedAsk_Returns200JsonAnswerWithBlocksAndButtonsWithinThreeSeconds()
    {
        var (body, fields) = SlackHttp.Command(fixture.Fake, "/ask", TestSeeds.TargetedQuestion);
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body);

        var watch = Stopwatch.StartNew();
        using var response = await Service.Client.SendAsync(request);
        var elapsed = watch.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(elapsed, TimeSpan.Zero, SlackHttp.AckDeadline);
        var reply = await SlackHttp.ReplyAsync(fixture.Fake, fields, await SlackHttp.ReadJsonAsync(response));
        Assert.Equal("ephemeral", SlackReply.ResponseType(reply));
        Assert.Contains(SlackReply.SectionTexts(reply), t => t.Contains("1,400", StringComparison.Ordinal));
        Assert.Equal([ActionIds.Share], SlackReply.ActionIds(reply).Take(1));
        Assert.Contains(ActionIds.Helpful, SlackReply.ActionIds(reply));
        Assert.True(SlackReply.AskId(reply) > 0);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Post_MissingSignatureHeaders_Returns401(bool withSignature, bool withTimestamp)
    {
        var (body, _) = SlackHttp.Command(fixture.Fake, "/ask", TestSeeds.TargetedQuestion);
        var timestamp = SlackHttp.Timestamp();
        using var request = SlackHttp.Unsigned(SlackHttp.CommandsPath, body);
        if (withSignature)
        {
            request.Headers.Add("X-Slack-Signature", FakeSlack.Sign(SlackHttpFixture.SigningSecret, timestamp, body));
        }

        if (withTimestamp)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        }

        using var response = await Service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("flipped")]
    [InlineData("v1 prefix")]
    [InlineData("no prefix")]
    [InlineData("not hex")]
    [InlineData("short")]
    public async Task Post_BadSignature_Returns401(string kind)
    {
        var (body, _) = SlackHttp.Command(fixture.Fake, "/ask", TestSeeds.TargetedQuestion);
        var timestamp = SlackHttp.Timestamp();
        var valid = FakeSlack.Sign(SlackHttpFixture.SigningSecret, timestamp, body);
        var signature = kind switch
        {
            "wrong secret" => FakeSlack.Sign("0123456789abcdef0123456789abcdef", timestamp, body),
            "flipped" => valid[..^1] + (valid[^1] == '0' ? '1' : '0'),
            "v1 prefix" => "v1" + valid[2..],
            "no prefix" => valid[3..],
            "not hex" => "v0=" + new string('z', 64),
            _ => valid[..40],
        };
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body, timestamp: timestamp, signature: signature);

        using var response = await Service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_SignatureOverADifferentBody_Returns401()
    {
        var (body, _) = SlackHttp.Command(fixture.Fake, "/ask", TestSeeds.TargetedQuestion);
        var timestamp = SlackHttp.Timestamp();
        var signature = FakeSlack.Sign(SlackHttpFixture.SigningSecret, timestamp, body);
        var tampered = body.Replace("user_id=U111", "user_id=UADMIN1", StringComparison.Ordinal);
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, tampered, timestamp: timestamp, signature: signature);

        using var response = await Service.Client.SendAsync(request);

        Assert.NotEqual(body, tampered);
        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(6 * 60)]
    [InlineData(-24 * 60 * 60)]
    public async Task Post_TimestampOutsideFiveMinutes_Returns401EvenWhenSignedCorrectly(int offsetSeconds)
    {
        var (body, _) = SlackHttp.Command(fixture.Fake, "/ask", TestSeeds.TargetedQuestion);
        var timestamp = SlackHttp.Timestamp(DateTimeOffset.UtcNow.AddSeconds(offsetSeconds));
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body, timestamp: timestamp);

        using var response = await Service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_TimestampFourMinutesOld_IsStillAccepted()
    {
        var (body, fields) = SlackHttp.Command(fixture.Fake, "/ask", TestSeeds.TargetedQuestion);
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body, timestamp: SlackHttp.Timestamp(DateTimeOffset.UtcNow.AddMinutes(-4)));

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await SlackHttp.ReplyAsync(fixture.Fake, fields, await SlackHttp.ReadJsonAsync(response));
        Assert.Contains("1,400", SlackReply.AllText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OfficialTestVectorToday_Returns401Stale()
    {
        // Slack's documented request (PROTOCOLS.md §7.2): valid signature, but signed in 2018.
        var body = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "slack_slash_command_form_body.txt"));
        using var request = SlackHttp.Signed(
            SlackHttp.CommandsPath, body, timestamp: "1531420618", signature: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", FakeSlack.Sign(SlackHttpFixture.SigningSecret, "1531420618", body));
        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_BodyOver64KB_Returns413(bool chunked)
    {
        var body = Padded(SlackHttp.Command(fixture.Fake, "/ask", TestSeeds.TargetedQuestion).Body, MaxBody + 1);
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body, content: chunked ? SlackHttp.Chunked(body) : null);

        using var response = await Service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_SignedBodyOfExactly64KB_IsAnswered(bool chunked)
    {
        var (command, fields) = SlackHttp.Command(fixture.Fake, "/ask", TestSeeds.TargetedQuestion);
        var body = Padded(command, MaxBody);
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body, content: chunked ? SlackHttp.Chunked(body) : null);

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await SlackHttp.ReplyAsync(fixture.Fake, fields, await SlackHttp.ReadJsonAsync(response));
        Assert.Contains("1,400", SlackReply.AllText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SignedSslCheck_Returns200()
    {
        const string body = "token=verification-token&ssl_check=1";
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body);

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnsignedSslCheck_Returns401()
    {
        using var request = SlackHttp.Unsigned(SlackHttp.CommandsPath, "token=verification-token&ssl_check=1");

        using var response = await Service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Post_EmptyAsk_ReturnsUsageHelp(string text)
    {
        var (body, fields) = SlackHttp.Command(fixture.Fake, "/ask", text);
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body);

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await SlackHttp.ReplyAsync(fixture.Fake, fields, await SlackHttp.ReadJsonAsync(response));
        Assert.Equal("ephemeral", SlackReply.ResponseType(reply));
        Assert.Contains("/ask How many users were targeted?", SlackReply.AllText(reply), StringComparison.Ordinal);
        Assert.Empty(SlackReply.ActionIds(reply));
    }

    [Theory]
    [InlineData("<!channel> how many users were targeted?", "<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here> & <@U123> who won the cricket match?", "<@U123>", "&lt;!here&gt; &amp; &lt;@U123&gt;")]
    public async Task Post_AskWithMentions_EscapedInTheReply(string question, string raw, string escaped)
    {
        var (body, fields) = SlackHttp.Command(fixture.Fake, "/ask", question);
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body);

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = SlackReply.AllText(await SlackHttp.ReplyAsync(fixture.Fake, fields, await SlackHttp.ReadJsonAsync(response)));
        Assert.Contains(escaped, text, StringComparison.Ordinal);
        Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token=verification-token&team_id=T111&user_id=U111&text=hello")]
    [InlineData("token=verification-token&team_id=T111&command=%2Fask&text=hello")]
    [InlineData("command=&user_id=U111")]
    [InlineData("")]
    [InlineData("%%%&&&===")]
    public async Task Post_SignedFormWithoutCommandOrUser_Returns400(string body)
    {
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body);

        using var response = await Service.Client.SendAsync(request);

        await SlackHttp.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_ReindexByANonAdmin_PoliteRefusal()
    {
        var (body, fields) = SlackHttp.Command(fixture.Fake, "/incident-reindex", "force", userId: "U111");
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body);

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await SlackHttp.ReplyAsync(fixture.Fake, fields, await SlackHttp.ReadJsonAsync(response));
        Assert.Equal("ephemeral", SlackReply.ResponseType(reply));
        Assert.Contains("only the bot's admins", SlackReply.AllText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ReindexByTheAdmin_ReportsTheIndexUnchanged()
    {
        var (body, fields) = SlackHttp.Command(fixture.Fake, "/incident-reindex", "", userId: SlackHttpFixture.AdminUserId);
        using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body);

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await SlackHttp.ReplyAsync(fixture.Fake, fields, await SlackHttp.ReadJsonAsync(response));
        Assert.Contains("Index unchanged", SlackReply.AllText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AskSlowerThanTheAckBudget_PlaceholderWithinThreeSecondsThenTheAnswerOnTheResponseUrl()
    {
        // A first question creates the SQLite file; then holding its write lock makes recording the next one wait.
        var (warmUp, _) = SlackHttp.Command(fixture.Fake, "/ask", TestSeeds.TargetedQuestion);
        using (var first = SlackHttp.Signed(SlackHttp.CommandsPath, warmUp))
        using (var firstResponse = await Service.Client.SendAsync(first))
        {
            Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        }

        var (body, fields) = SlackHttp.Command(fixture.Fake, "/ask", TestSeeds.TargetedQuestion);
        var url = fields["response_url"]!.GetValue<string>();
        HttpStatusCode status;
        TimeSpan elapsed;
        System.Text.Json.JsonElement placeholder;
        await using (await LockDatabaseAsync())
        {
            using var request = SlackHttp.Signed(SlackHttp.CommandsPath, body);
            var watch = Stopwatch.StartNew();
            using var response = await Service.Client.SendAsync(request);
            elapsed = watch.Elapsed;
            status = response.StatusCode;
            placeholder = await SlackHttp.ReadJsonAsync(response);
            Assert.DoesNotContain(fixture.Fake.ResponsePosts, p => p.Url == url);
        }

        var post = await fixture.Fake.WaitForResponsePostAsync(p => p.Url == url, SlackHttp.Wait);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(elapsed, TimeSpan.Zero, SlackHttp.AckDeadline);
        Assert.Empty(SlackReply.Blocks(placeholder));
        Assert.False(string.IsNullOrWhiteSpace(placeholder.GetProperty("text").GetString()));
        Assert.Contains("1,400", SlackReply.AllText(post.Body), StringComparison.Ordinal);
        Assert.Contains(ActionIds.Helpful, SlackReply.ActionIds(post.Body));
        Assert.Single(fixture.Fake.ResponsePosts, p => p.Url == url);
    }

    [Fact]
    public async Task Get_Commands_IsNotAServerError()
    {
        using var response = await Service.Client.GetAsync(new Uri(SlackHttp.CommandsPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    /// <summary>Takes SQLite's write lock on the service's question store until disposed (well under its 5 s busy timeout).</summary>
    private async Task<IAsyncDisposable> LockDatabaseAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Service.DataPath, Pooling = false }.ToString());
        await connection.OpenAsync();
        using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        return new DatabaseLock(connection);
    }

    /// <summary>The form with a trailing <c>&amp;pad=xxx…</c> field making it exactly <paramref name="size"/> bytes.</summary>
    private static string Padded(string form, int size)
    {
        var prefix = form + "&pad=";
        Assert.True(prefix.Length < size);
        return prefix + new string('x', size - prefix.Length);
    }

    private sealed class DatabaseLock(SqliteConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
