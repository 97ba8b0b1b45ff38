using System.Text;
using IncidentBot.Slack.Http;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.Http;

public sealed class FormBodyTests
{
    [Fact]
    public void Parse_SampleSlashCommandBody_ReadsEveryField()
    {
        var fields = FormBody.Parse(SampleFiles.ReadBytes(SampleFiles.SlashCommandFormBody));

        Assert.Equal("/webhook-collect", fields["command"]);
        Assert.Equal("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", fields["response_url"]);
        Assert.Equal("", fields["text"]);
        Assert.Equal("U2CERLKJA", fields["user_id"]);
        Assert.Equal("roadrunner", fields["user_name"]);
        Assert.Equal("T1DC2JH3J", fields["team_id"]);
        Assert.Equal("G8PSS9T3V", fields["channel_id"]);
        Assert.Equal("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", fields["trigger_id"]);
        Assert.Equal(11, fields.Count);
    }

    [Theory]
    [InlineData("text=how+many+users", "how many users")]
    [InlineData("text=a%2Bb", "a+b")]
    [InlineData("text=a%2bb", "a+b")]
    [InlineData("text=a+%2B+b", "a + b")]
    [InlineData("text=%20lead", " lead")]
    [InlineData("text=caf%C3%A9", "café")]
    [InlineData("text=%E2%80%9Cquoted%E2%80%9D", "“quoted”")]
    [InlineData("text=a%26b%3Dc", "a&b=c")]
    [InlineData("text=x=y", "x=y")]
    [InlineData("text=", "")]
    [InlineData("text", "")]
    [InlineData("text=%zz", "%zz")]
    [InlineData("text=100%", "100%")]
    [InlineData("text=%4", "%4")]
    [InlineData("text=%%41", "%A")]
    [InlineData("text=%3Cb%3E", "<b>")]
    public void Parse_Value_DecodedAsAForm(string body, string expected)
    {
        var fields = FormBody.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, fields["text"]);
    }

    [Fact]
    public void Parse_EncodedName_Decoded()
    {
        var fields = FormBody.Parse("user+id=U1&a%5Bb%5D=2"u8);

        Assert.Equal("U1", fields["user id"]);
        Assert.Equal("2", fields["a[b]"]);
    }

    [Fact]
    public void Parse_RepeatedName_KeepsTheFirst()
    {
        var fields = FormBody.Parse("command=%2Fask&command=%2Fincident-reindex&text=one&text=two"u8);

        Assert.Equal("/ask", fields["command"]);
        Assert.Equal("one", fields["text"]);
        Assert.Equal(2, fields.Count);
    }

    [Fact]
    public void Parse_NameWithoutEquals_EmptyValue()
    {
        var fields = FormBody.Parse("ssl_check&token=abc"u8);

        Assert.Equal("", fields["ssl_check"]);
        Assert.Equal("abc", fields["token"]);
    }

    [Fact]
    public void Parse_EmptyPairs_Skipped()
    {
        var fields = FormBody.Parse("&&a=1&&b=2&"u8);

        Assert.Equal(2, fields.Count);
        Assert.Equal("1", fields["a"]);
        Assert.Equal("2", fields["b"]);
    }

    [Fact]
    public void Parse_EmptyBody_NoFields()
    {
        Assert.Empty(FormBody.Parse([]));
    }

    [Fact]
    public void Parse_NamesAreCaseSensitive()
    {
        var fields = FormBody.Parse("Command=%2Fx&command=%2Fask"u8);

        Assert.Equal("/ask", fields["command"]);
        Assert.Equal("/x", fields["Command"]);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x3D, 0x41 })]
    [InlineData(new byte[] { 0x25, 0xFF, 0x3D, 0x25, 0x25 })]
    [InlineData(new byte[] { 0x3D, 0x3D, 0x3D })]
    [InlineData(new byte[] { 0x00 })]
    public void Parse_Garbage_DoesNotThrow(byte[] body)
    {
        var fields = FormBody.Parse(body);

        Assert.NotNull(fields);
    }

    [Fact]
    public void Parse_MalformedPercentEscapesEverywhere_DoesNotThrow()
    {
        var fields = FormBody.Parse("%zz=%zz&%=%&%%%=%C3&%C3%28=%ED%A0%80"u8);

        Assert.Equal("%zz", fields["%zz"]);
        Assert.Equal(4, fields.Count);
    }
}
