namespace IncidentBot.Slack.Tests.Fakes;

/// <summary>The workspace the fake pretends to be: ids the payload builders and Web API answers share.</summary>
internal readonly record struct SlackIdentity(string AppId, string TeamId, DateTimeOffset Now)
{
    /// <summary>Matches <c>https://test.slack.com/</c> in auth.test.</summary>
    public const string TeamDomain = "test";

    public const string ChannelId = "C111";

    public const string ChannelName = "random";

    /// <summary>A stable user name per id (the sample's <c>U111</c> is <c>testxyz</c>).</summary>
    public static string UserName(string userId) => userId == "U111" ? "testxyz" : "tester_" + userId;
}
