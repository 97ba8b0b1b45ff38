using IncidentBot.Discord;

namespace IncidentBot.Discord.Tests.Unit.Options;

public sealed class DiscordOptionsValidatorTests
{
    private const string Token = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789ABCD";
    private const string ApplicationId = "290926444748734465";
    private const string PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    [Fact]
    public void Validate_Off_NeedsNothing()
    {
        var options = new DiscordOptions { Mode = DiscordMode.Off, ApplicationId = "not a number", ApiBaseUrl = "ftp://x" };
        options.AdminUserIds.Add("alice");

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_OffWithMalformedPublicKey_Fails()
    {
        // The interactions endpoint exists in every mode; a bad key must fail at start-up, not as a 500 later.
        var options = new DiscordOptions { Mode = DiscordMode.Off, PublicKey = "not-hex" };

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Discord:PublicKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_AreOffAndValid()
    {
        var options = new DiscordOptions();

        Assert.Equal(DiscordMode.Off, options.EffectiveMode);
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_GoodGatewaySettings_Succeed()
    {
        var options = Gateway();
        options.ShardCount = 4;
        options.ShardIds.Add(0);
        options.ShardIds.Add(3);
        options.AdminUserIds.Add("53908232506183680");
        options.GuildId = "290926798626357999";

        Assert.True(Validate(options).Succeeded, Validate(options).FailureMessage);
    }

    [Fact]
    public void Validate_GoodHttpSettings_Succeed()
    {
        var options = new DiscordOptions { Mode = DiscordMode.Http, ApplicationId = ApplicationId, PublicKey = PublicKey };

        Assert.True(Validate(options).Succeeded, Validate(options).FailureMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_GatewayWithoutToken_FailsNamingDiscordToken(string? token)
    {
        var options = new DiscordOptions { Mode = DiscordMode.Gateway, ApplicationId = ApplicationId, Token = token };

        AssertFailsNaming(options, "Discord:Token");
    }

    [Theory]
    [InlineData("Bot " + Token)]
    [InlineData(" " + Token)]
    [InlineData(Token + "\n")]
    [InlineData("abc\tdef")]
    public void Validate_TokenWithSpacesOrBotPrefix_FailsNamingDiscordToken(string token)
    {
        var options = Gateway();
        options.Token = token;

        AssertFailsNaming(options, "Discord:Token");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("my-app")]
    [InlineData("-290926444748734465")]
    [InlineData("29092644474873446５")]
    [InlineData("290926444748734465 ")]
    [InlineData("99999999999999999999")]
    [InlineData("123456789012345678901")]
    public void Validate_BadApplicationId_FailsNamingTheKey(string? applicationId)
    {
        var options = Gateway();
        options.ApplicationId = applicationId;

        AssertFailsNaming(options, "Discord:ApplicationId");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511")]      // 63
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a0")]    // 65
    [InlineData("z75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")]     // not hex
    public void Validate_HttpWithoutAGoodPublicKey_FailsNamingTheKey(string? publicKey)
    {
        var options = new DiscordOptions { Mode = DiscordMode.Http, ApplicationId = ApplicationId, PublicKey = publicKey };

        AssertFailsNaming(options, "Discord:PublicKey");
    }

    [Fact]
    public void Validate_GatewayWithMalformedPublicKey_FailsNamingTheKey()
    {
        var options = Gateway();
        options.PublicKey = PublicKey[..63];

        AssertFailsNaming(options, "Discord:PublicKey");
    }

    [Fact]
    public void Validate_GatewayWithoutPublicKey_Succeeds()
    {
        Assert.True(Validate(Gateway()).Succeeded);
    }

    [Fact]
    public void Validate_ShardIdsWithoutShardCount_FailsNamingBoth()
    {
        var options = Gateway();
        options.ShardIds.Add(0);

        var result = AssertFailsNaming(options, "Discord:ShardIds");
        Assert.Contains("Discord:ShardCount", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, new[] { 2 })]
    [InlineData(2, new[] { -1 })]
    [InlineData(4, new[] { 0, 4 })]
    [InlineData(4, new[] { 1, 1 })]
    [InlineData(4, new[] { 0, 1, 2, 3, 0 })]
    public void Validate_ShardIdsOutOfRangeOrDuplicated_Fails(int count, int[] ids)
    {
        var options = Gateway();
        options.ShardCount = count;
        foreach (var id in ids)
        {
            options.ShardIds.Add(id);
        }

        AssertFailsNaming(options, "Discord:ShardIds");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Validate_ShardCountOutOfRange_Fails(int count)
    {
        var options = Gateway();
        options.ShardCount = count;

        AssertFailsNaming(options, "Discord:ShardCount");
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("@alice")]
    [InlineData("<@53908232506183680>")]
    [InlineData("")]
    public void Validate_AdminUserIdsWithAName_FailsNamingTheKeyAndTheValue(string id)
    {
        var options = Gateway();
        options.AdminUserIds.Add("53908232506183680");
        options.AdminUserIds.Add(id);

        var result = AssertFailsNaming(options, "Discord:AdminUserIds");
        Assert.Contains($"'{id}'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://discord.com/api/v10")]
    [InlineData("discord.com/api/v10")]
    [InlineData("")]
    [InlineData("wss://gateway.discord.gg")]
    public void Validate_ApiBaseUrlNotHttp_FailsNamingTheKey(string url)
    {
        var options = Gateway();
        options.ApiBaseUrl = url;

        AssertFailsNaming(options, "Discord:ApiBaseUrl");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/api/v10")]
    [InlineData("https://discord.com/api/v10/")]
    public void Validate_ApiBaseUrlHttpOrHttps_Succeeds(string url)
    {
        var options = Gateway();
        options.ApiBaseUrl = url;

        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData("my server")]
    [InlineData("-1")]
    public void Validate_BadGuildId_FailsNamingTheKey(string guildId)
    {
        var options = Gateway();
        options.GuildId = guildId;

        AssertFailsNaming(options, "Discord:GuildId");
    }

    [Theory]
    [InlineData(-1, 30, "Discord:QuestionsPerWindow")]
    [InlineData(5, 0, "Discord:QuestionWindowSeconds")]
    [InlineData(5, 3601, "Discord:QuestionWindowSeconds")]
    public void Validate_BadQuestionLimits_Fail(int perWindow, int seconds, string key)
    {
        var options = Gateway();
        options.QuestionsPerWindow = perWindow;
        options.QuestionWindowSeconds = seconds;

        AssertFailsNaming(options, key);
    }

    [Theory]
    [InlineData(-1, 1000, "Discord:RestRetries")]
    [InlineData(11, 1000, "Discord:RestRetries")]
    [InlineData(3, 0, "Discord:RestRetryDelayMs")]
    [InlineData(3, 60_001, "Discord:RestRetryDelayMs")]
    public void Validate_BadRestRetries_Fail(int retries, int delayMs, string key)
    {
        var options = Gateway();
        options.RestRetries = retries;
        options.RestRetryDelayMs = delayMs;

        AssertFailsNaming(options, key);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        var options = new DiscordOptions { Mode = DiscordMode.Gateway, ApplicationId = "app", ApiBaseUrl = "ftp://x" };

        var result = Validate(options);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures!, f => f.Contains("Discord:Token", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Discord:ApplicationId", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Discord:ApiBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SecretsNeverEchoed()
    {
        var options = Gateway();
        options.Token = "Bot " + Token;

        Assert.DoesNotContain(Token, AssertFailsNaming(options, "Discord:Token").FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, DiscordMode.Off)]
    [InlineData(null, "", DiscordMode.Off)]
    [InlineData(null, "  ", DiscordMode.Off)]
    [InlineData(null, Token, DiscordMode.Gateway)]
    [InlineData(DiscordMode.Http, null, DiscordMode.Http)]
    [InlineData(DiscordMode.Http, Token, DiscordMode.Http)]
    [InlineData(DiscordMode.Off, Token, DiscordMode.Off)]
    [InlineData(DiscordMode.Gateway, null, DiscordMode.Gateway)]
    public void EffectiveMode_DerivedFromModeAndToken(DiscordMode? mode, string? token, DiscordMode expected)
    {
        Assert.Equal(expected, new DiscordOptions { Mode = mode, Token = token }.EffectiveMode);
    }

    private static DiscordOptions Gateway() => new() { Token = Token, ApplicationId = ApplicationId };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(DiscordOptions options) =>
        new DiscordOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);

    private static Microsoft.Extensions.Options.ValidateOptionsResult AssertFailsNaming(DiscordOptions options, string key)
    {
        var result = Validate(options);
        Assert.True(result.Failed, "expected a failure naming " + key);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
        return result;
    }
}
