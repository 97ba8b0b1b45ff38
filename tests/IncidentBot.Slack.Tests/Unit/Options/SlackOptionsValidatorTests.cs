using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.Options;

public sealed class SlackOptionsValidatorTests
{
    private const string BotToken = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    private const string AppToken = "xapp-1-A0APP0001-1234567890123-0123456789abcdef";
    private const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    [Fact]
    public void Validate_Defaults_ValidAndEverythingOff()
    {
        var options = new SlackOptions();

        var result = Validate(options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.False(options.SocketModeEnabled);
        Assert.False(options.HttpEnabled);
        Assert.True(options.EphemeralByDefault);
        Assert.Equal(SlackOptions.DefaultApiBaseUrl, options.ApiBaseUrl);
        Assert.Equal(("/ask", "/incident-sources", "/incident-reindex"), (options.AskCommand, options.SourcesCommand, options.ReindexCommand));
        Assert.Empty(options.AdminUserIds);
    }

    [Fact]
    public void Validate_FullValidConfiguration_Valid()
    {
        var options = IndexHarness.CreateOptions(o =>
        {
            o.BotToken = BotToken;
            o.AppToken = AppToken;
            o.SigningSecret = SigningSecret;
            o.ApiBaseUrl = "http://127.0.0.1:5123/api/";
            o.AdminUserIds.Add("U012AB3CD");
            o.AdminUserIds.Add("W012A3CDE");
            o.AskCommand = "/incident-ask";
            o.QuestionsPerWindow = 0;
        });

        var result = Validate(options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.True(options.SocketModeEnabled);
        Assert.True(options.HttpEnabled);
    }

    [Theory]
    [InlineData("xoxp-1234-5678", "Slack:BotToken")]
    [InlineData("xapp-1-A1-2-3", "Slack:BotToken")]
    [InlineData("xoxb-12 34", "Slack:BotToken")]
    [InlineData(" xoxb-1234", "Slack:BotToken")]
    [InlineData("XOXB-1234", "Slack:BotToken")]
    public void Validate_BadBotToken_FailsNamingTheKey(string token, string key)
    {
        var result = Validate(IndexHarness.CreateOptions(o => o.BotToken = token));

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(key, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Trim(), failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xoxb-1234-5678")]
    [InlineData("xoxp-1234-5678")]
    [InlineData("xapp 1-A1")]
    [InlineData("xapp-1-A1-\n2")]
    public void Validate_BadAppToken_FailsNamingTheKey(string token)
    {
        var result = Validate(IndexHarness.CreateOptions(o => o.AppToken = token));

        Assert.True(result.Failed);
        Assert.Contains("Slack:AppToken", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("123456789012345")]
    [InlineData("8f742231b10e8888 abcd99yyyzzz85a5")]
    [InlineData("8f742231b10e8888abcd99yyyzzz85a5\n")]
    public void Validate_BadSigningSecret_FailsNamingTheKey(string secret)
    {
        var result = Validate(IndexHarness.CreateOptions(o => o.SigningSecret = secret));

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Slack:SigningSecret", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Trim(), failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://slack.com/api/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("slack.com/api")]
    [InlineData("/api/")]
    [InlineData("")]
    [InlineData("wss://slack.com/api/")]
    public void Validate_BadApiBaseUrl_FailsNamingTheKey(string url)
    {
        var result = Validate(IndexHarness.CreateOptions(o => o.ApiBaseUrl = url));

        Assert.True(result.Failed);
        Assert.Contains("Slack:ApiBaseUrl", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://slack.com/api/")]
    [InlineData("https://slack.com/api")]
    [InlineData("http://localhost:8080/api/")]
    [InlineData("http://127.0.0.1:5000/")]
    public void Validate_HttpOrHttpsApiBaseUrl_Valid(string url)
    {
        var result = Validate(IndexHarness.CreateOptions(o => o.ApiBaseUrl = url));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("/my ask")]
    [InlineData("/ask ")]
    [InlineData("/Ask")]
    [InlineData("/ASK")]
    [InlineData("//ask\t")]
    [InlineData("/a-very-long-command-name-over-32c")]
    public void Validate_BadAskCommand_FailsNamingTheKey(string name)
    {
        var result = Validate(IndexHarness.CreateOptions(o => o.AskCommand = name));

        Assert.True(result.Failed);
        Assert.Contains("Slack:AskCommand", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SourcesCommand", "incident-sources")]
    [InlineData("SourcesCommand", "/Incident-Sources")]
    [InlineData("ReindexCommand", "/incident reindex")]
    [InlineData("ReindexCommand", "incident-reindex")]
    public void Validate_BadOtherCommand_FailsNamingTheKey(string property, string name)
    {
        var options = IndexHarness.CreateOptions(o =>
        {
            if (property == "SourcesCommand")
            {
                o.SourcesCommand = name;
            }
            else
            {
                o.ReindexCommand = name;
            }
        });

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Slack:" + property, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ask")]
    [InlineData("/incident-ask")]
    [InlineData("/q")]
    [InlineData("/ask_2")]
    [InlineData("/a-command-name-of-32-characters")]
    public void Validate_GoodCommandName_Valid(string name)
    {
        Assert.True(Validate(IndexHarness.CreateOptions(o => o.AskCommand = name)).Succeeded);
    }

    [Theory]
    [InlineData("U012AB3CD")]
    [InlineData("W012A3CDE")]
    [InlineData("U0ADMIN03")]
    public void Validate_SlackUserIdAsAdmin_Valid(string id)
    {
        Assert.True(Validate(IndexHarness.CreateOptions(o => o.AdminUserIds.Add(id))).Succeeded);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("@alice")]
    [InlineData("<@U012AB3CD>")]
    [InlineData(" U012AB3CD")]
    [InlineData("U012AB3CD ")]
    [InlineData("U")]
    [InlineData("")]
    [InlineData("u012ab3cd")]
    [InlineData("U012-AB3CD")]
    [InlineData("Alice")]
    [InlineData("U012ab3cd")]
    public void Validate_NotASlackUserIdAsAdmin_FailsNamingTheKey(string id)
    {
        var result = Validate(IndexHarness.CreateOptions(o =>
        {
            o.AdminUserIds.Add("U012AB3CD");
            o.AdminUserIds.Add(id);
        }));

        Assert.True(result.Failed, $"'{id}' was accepted as a Slack user id");
        Assert.Contains("Slack:AdminUserIds", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 30)]
    [InlineData(5, 0)]
    [InlineData(5, 3601)]
    public void Validate_BadRateLimit_Fails(int perWindow, int seconds)
    {
        var result = Validate(IndexHarness.CreateOptions(o =>
        {
            o.QuestionsPerWindow = perWindow;
            o.QuestionWindowSeconds = seconds;
        }));

        Assert.True(result.Failed);
        Assert.Contains("Slack:Question", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralErrors_ReportsEach()
    {
        var result = Validate(IndexHarness.CreateOptions(o =>
        {
            o.BotToken = "xoxp-1";
            o.AppToken = "xoxb-1";
            o.SigningSecret = "short";
            o.ApiBaseUrl = "ftp://x/";
        }));

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains("Slack:BotToken", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Slack:AppToken", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Slack:SigningSecret", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Slack:ApiBaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, false, false)]
    [InlineData("", "", false, false)]
    [InlineData("   ", "  ", false, false)]
    [InlineData(AppToken, null, true, false)]
    [InlineData(null, SigningSecret, false, true)]
    [InlineData(AppToken, SigningSecret, true, true)]
    public void Flags_FollowTheAppTokenAndSigningSecret(string? appToken, string? secret, bool socketMode, bool http)
    {
        var options = IndexHarness.CreateOptions(o =>
        {
            o.AppToken = appToken;
            o.SigningSecret = secret;
        });

        Assert.Equal(socketMode, options.SocketModeEnabled);
        Assert.Equal(http, options.HttpEnabled);
    }

    [Fact]
    public void Validate_BlankAppToken_FailsRatherThanSilentlyOff()
    {
        // "   " turns Socket Mode off (SocketModeEnabled is false); the validator still names it, as it holds spaces.
        var result = Validate(IndexHarness.CreateOptions(o => o.AppToken = "   "));

        Assert.True(result.Failed);
        Assert.Contains("Slack:AppToken", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(SlackOptions options) =>
        new SlackOptionsValidator().Validate(null, options);
}
