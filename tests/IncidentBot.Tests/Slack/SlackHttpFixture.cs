using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Tests.Fakes;
using IncidentBot.Slack.Tests.Integration;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>
/// One service with Slack's HTTP endpoints on (a signing secret, no tokens: no Socket Mode, no auth.test), shared by
/// the tests of a class, and a <see cref="FakeSlack"/> whose response URLs receive the replies that follow a click
/// or a slow command.
/// </summary>
public sealed class SlackHttpFixture : IAsyncLifetime
{
    /// <summary>The signing secret of Slack's official test vector (PROTOCOLS.md §7.2).</summary>
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    public const string AdminUserId = "UADMIN1";

    internal FakeSlack Fake { get; private set; } = null!;

    internal RunningService Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeSlack.StartAsync();
        Service = await RunningService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:AppToken"] = "",
            ["Slack:BotToken"] = "",
            ["Slack:ApiBaseUrl"] = Fake.ApiBaseUrl.AbsoluteUri,
            ["Slack:AdminUserIds:0"] = AdminUserId,
            ["Slack:QuestionsPerWindow"] = "0",
        });
    }

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }
}

/// <summary>Plays Slack's side of HTTP mode: form bodies signed with <c>v0</c> HMAC-SHA256 (PROTOCOLS.md §7.1-§7.2).</summary>
internal static class SlackHttp
{
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";
    public const string FormType = "application/x-www-form-urlencoded";

    /// <summary>Slack's acknowledgement budget.</summary>
    public static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static string Timestamp(DateTimeOffset? at = null) =>
        (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>A POST of <paramref name="body"/> with <c>X-Slack-Request-Timestamp</c> and <c>X-Slack-Signature</c>.</summary>
    public static HttpRequestMessage Signed(
        string path, string body, string secret = SlackHttpFixture.SigningSecret, string? timestamp = null, string? signature = null, HttpContent? content = null)
    {
        timestamp ??= Timestamp();
        var request = Unsigned(path, body, content);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature ?? FakeSlack.Sign(secret, timestamp, body));
        return request;
    }

    /// <summary>A form POST without signature headers.</summary>
    public static HttpRequestMessage Unsigned(string path, string body, HttpContent? content = null)
    {
        if (content is null)
        {
            content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue(FormType);
        }

        return new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
    }

    /// <summary>The body sent with Transfer-Encoding: chunked (no Content-Length).</summary>
    public static HttpContent Chunked(string body)
    {
        var content = new Discord.ChunkedContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(FormType);
        return content;
    }

    /// <summary>A slash command form as Slack POSTs it; the response_url is a fresh one of <paramref name="fake"/>.</summary>
    public static (string Body, JsonObject Fields) Command(FakeSlack fake, string command, string text, string userId = "U111")
    {
        var fields = fake.SlashCommandPayload(command, text, userId);
        return (fake.FormBody(fields), fields);
    }

    /// <summary>
    /// The reply to a command answered over HTTP: the response body when it is the answer itself, else (a
    /// "searching" placeholder, because the answer took longer than the bot allows itself) the response_url post.
    /// </summary>
    public static async Task<JsonElement> ReplyAsync(FakeSlack fake, JsonObject fields, JsonElement body)
    {
        if (SlackReply.Blocks(body).Count > 0)
        {
            return body;
        }

        var url = fields["response_url"]!.GetValue<string>();
        return (await fake.WaitForResponsePostAsync(p => p.Url == url, Wait)).Body;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.Content.Headers.ContentType?.MediaType == "application/json",
            $"{(int)response.StatusCode} with content type {response.Content.Headers.ContentType}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>A refusal: the expected status and a JSON <c>{"error": "..."}</c> body.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        RunningService.AssertErrorBody(await ReadJsonAsync(response));
    }
}
