using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rendering;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed class NoticeRendererTests
{
    [Fact]
    public void Ephemeral_Text_IsEscapedContentOnlyAndEphemeral()
    {
        var payload = NoticeRenderer.Ephemeral("You're asking too fast. Try again in *10 s*.");

        Assert.Equal(@"You're asking too fast. Try again in \*10 s\*.", payload.Content);
        Assert.Equal(MessageFlags.Ephemeral, payload.Flags);
        Assert.Null(payload.Embeds);
        Assert.Null(payload.Components);
        DiscordLimitsAssert.WithinLimits(payload);
    }

    [Fact]
    public void Ephemeral_LongText_IsCutToContentLimit()
    {
        var payload = NoticeRenderer.Ephemeral(new string('*', 5000));

        Assert.True(payload.Content!.Length <= DiscordLimits.Content);
        Assert.EndsWith("…", payload.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Ephemeral_BlankText_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => NoticeRenderer.Ephemeral(text));
    }
}
