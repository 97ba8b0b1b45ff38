using IncidentBot.Slack.Http;
using IncidentBot.Slack.Payloads;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.Payloads;

public sealed class SlashCommandTests
{
    [Fact]
    public void From_SampleSocketModeEnvelopePayload_ReadsTheFields()
    {
        var payload = SampleFiles.ReadElement(SampleFiles.SlashCommandsEnvelope).GetProperty("payload");

        var command = SlashCommand.From(TestPayloads.Fields(payload));

        Assert.NotNull(command);
        Assert.Equal("/hello-socket-mode", command.Command);
        Assert.Equal("", command.Text);
        Assert.Equal("U111", command.UserId);
        Assert.Equal("T111", command.TeamId);
        Assert.Equal("C111", command.ChannelId);
        Assert.Equal("https://hooks.slack.com/commands/T111/111/xxx", command.ResponseUrl);
        Assert.Equal("111.222.xxx", command.TriggerId);
    }

    [Fact]
    public void From_SampleHttpForm_ReadsTheFields()
    {
        var form = FormBody.Parse(SampleFiles.ReadBytes(SampleFiles.SlashCommandFormBody));

        var command = SlashCommand.From(name => form.TryGetValue(name, out var value) ? value : null);

        Assert.NotNull(command);
        Assert.Equal("/webhook-collect", command.Command);
        Assert.Equal("", command.Text);
        Assert.Equal("U2CERLKJA", command.UserId);
        Assert.Equal("T1DC2JH3J", command.TeamId);
        Assert.Equal("G8PSS9T3V", command.ChannelId);
        Assert.Equal("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", command.ResponseUrl);
    }

    [Fact]
    public void From_FormWithText_KeepsTheText()
    {
        var form = FormBody.Parse(TestPayloads.CommandForm("/ask", "How many users were targeted?"));

        var command = SlashCommand.From(name => form.TryGetValue(name, out var value) ? value : null);

        Assert.Equal("How many users were targeted?", command?.Text);
    }

    [Fact]
    public void From_NoTextField_EmptyText()
    {
        var command = SlashCommand.From(name => name switch { "command" => "/ask", "user_id" => "U1", _ => null });

        Assert.NotNull(command);
        Assert.Equal("", command.Text);
        Assert.Null(command.ResponseUrl);
        Assert.Null(command.TeamId);
    }

    [Theory]
    [InlineData(null, "U1")]
    [InlineData("", "U1")]
    [InlineData("/ask", null)]
    [InlineData("/ask", "")]
    [InlineData(null, null)]
    public void From_MissingCommandOrUser_Null(string? command, string? user)
    {
        var result = SlashCommand.From(name => name switch { "command" => command, "user_id" => user, "text" => "hi", _ => null });

        Assert.Null(result);
    }

    [Fact]
    public void From_NullReader_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SlashCommand.From(null!));
    }

    [Fact]
    public void ToString_NeverContainsTheResponseUrl()
    {
        var command = TestPayloads.Command("/ask", "question", responseUrl: "https://hooks.slack.com/commands/T1/2/secret-token-part");

        var text = command.ToString();

        Assert.DoesNotContain("hooks.slack.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-part", text, StringComparison.Ordinal);
        Assert.Contains("/ask", text, StringComparison.Ordinal);
        Assert.Contains(TestPayloads.UserId, text, StringComparison.Ordinal);
    }
}
