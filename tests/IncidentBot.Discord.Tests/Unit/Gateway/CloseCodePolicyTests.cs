using IncidentBot.Discord.Gateway;

namespace IncidentBot.Discord.Tests.Unit.Gateway;

public sealed class CloseCodePolicyTests
{
    public static TheoryData<int?, GatewayCloseAction> Codes => new()
    {
        // Discord's gateway close event codes.
        { 4000, GatewayCloseAction.Resume },     // unknown error
        { 4001, GatewayCloseAction.Resume },     // unknown opcode
        { 4002, GatewayCloseAction.Resume },     // decode error
        { 4003, GatewayCloseAction.Resume },     // not authenticated
        { 4004, GatewayCloseAction.Fatal },      // authentication failed
        { 4005, GatewayCloseAction.Resume },     // already authenticated
        { 4006, GatewayCloseAction.Resume },     // not in the current table: treated as any other code
        { 4007, GatewayCloseAction.NewSession }, // invalid seq
        { 4008, GatewayCloseAction.Resume },     // rate limited
        { 4009, GatewayCloseAction.NewSession }, // session timed out
        { 4010, GatewayCloseAction.Fatal },      // invalid shard
        { 4011, GatewayCloseAction.Fatal },      // sharding required
        { 4012, GatewayCloseAction.Fatal },      // invalid API version
        { 4013, GatewayCloseAction.Fatal },      // invalid intents
        { 4014, GatewayCloseAction.Fatal },      // disallowed intents
        { 1000, GatewayCloseAction.Resume },
        { 1001, GatewayCloseAction.Resume },
        { null, GatewayCloseAction.Resume },     // dropped without a close frame
        { 1006, GatewayCloseAction.Resume },
        { 4999, GatewayCloseAction.Resume },
        { 3000, GatewayCloseAction.Resume },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Classify_CloseCode_MapsToAction(int? code, GatewayCloseAction expected)
    {
        Assert.Equal(expected, CloseCodePolicy.Classify(code));
    }

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardIds")]
    [InlineData(4010, "Discord:ShardCount")]
    [InlineData(4011, "Discord:ShardCount")]
    public void Describe_FatalConfigurationCode_NamesTheConfigKey(int code, string key)
    {
        Assert.Contains(key, CloseCodePolicy.Describe(code), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_DisallowedIntents_PointsToTheDeveloperPortal()
    {
        // The bot sends intents 0 and has no intents setting: the only fix is in the developer portal.
        var text = CloseCodePolicy.Describe(4014);

        Assert.Contains("privileged intent", text, StringComparison.Ordinal);
        Assert.Contains("developer portal", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4004)]
    [InlineData(4005)]
    [InlineData(4006)]
    [InlineData(4007)]
    [InlineData(4008)]
    [InlineData(4009)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    [InlineData(1000)]
    [InlineData(null)]
    [InlineData(4321)]
    public void Describe_AnyCode_IsNonEmptyText(int? code)
    {
        Assert.False(string.IsNullOrWhiteSpace(CloseCodePolicy.Describe(code)));
    }

    [Fact]
    public void Describe_UnknownCode_IncludesTheNumber()
    {
        Assert.Contains("4321", CloseCodePolicy.Describe(4321), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NoCloseFrame_SaysTheConnectionDropped()
    {
        Assert.Contains("without a close frame", CloseCodePolicy.Describe(null), StringComparison.Ordinal);
    }
}
