using System.Text.Json.Nodes;
using IncidentBot.Slack.SocketMode;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.SocketMode;

public sealed class SocketEnvelopeTests
{
    [Fact]
    public void From_SampleSlashCommandsEnvelope_ReadsIt()
    {
        var envelope = SocketEnvelope.From(SampleFiles.ReadElement(SampleFiles.SlashCommandsEnvelope));

        Assert.NotNull(envelope);
        Assert.Equal("1d3c79ab-0ffb-41f3-a080-d19e85f53649", envelope.EnvelopeId);
        Assert.Equal("slash_commands", envelope.Type);
        Assert.True(envelope.AcceptsResponsePayload);
        Assert.Equal(0, envelope.RetryAttempt);
        Assert.Equal("/hello-socket-mode", envelope.Payload.GetProperty("command").GetString());
    }

    [Fact]
    public void From_Redelivery_ReadsRetryAttempt()
    {
        var node = SampleFiles.ReadNode(SampleFiles.SlashCommandsEnvelope).AsObject();
        node["retry_attempt"] = 1;
        node["retry_reason"] = "timeout";

        var envelope = SocketEnvelope.From(TestPayloads.Element(node));

        Assert.Equal(1, envelope?.RetryAttempt);
        Assert.Equal("1d3c79ab-0ffb-41f3-a080-d19e85f53649", envelope?.EnvelopeId);
    }

    [Fact]
    public void From_PayloadOutlivesTheDocument()
    {
        // The payload is cloned: the receive loop disposes its JsonDocument while the handler still runs.
        SocketEnvelope envelope;
        using (var document = System.Text.Json.JsonDocument.Parse(SampleFiles.ReadText(SampleFiles.SlashCommandsEnvelope)))
        {
            envelope = SocketEnvelope.From(document.RootElement)!;
        }

        Assert.Equal("U111", envelope.Payload.GetProperty("user_id").GetString());
    }

    [Theory]
    [InlineData("""{"type":"slash_commands","payload":{}}""")]
    [InlineData("""{"envelope_id":"","type":"slash_commands"}""")]
    [InlineData("""{"envelope_id":null,"type":"slash_commands"}""")]
    [InlineData("""{"envelope_id":42,"type":"slash_commands"}""")]
    [InlineData("""{"type":"hello","num_connections":2}""")]
    [InlineData("""{"type":"disconnect","reason":"refresh_requested"}""")]
    public void From_NoEnvelopeId_Null(string json)
    {
        Assert.Null(SocketEnvelope.From(SampleFiles.Element(json)));
    }

    [Theory]
    [InlineData("""{"envelope_id":"e1"}""", "", false, 0)]
    [InlineData("""{"envelope_id":"e1","type":"events_api","accepts_response_payload":false}""", "events_api", false, 0)]
    [InlineData("""{"envelope_id":"e1","type":"interactive","accepts_response_payload":"true"}""", "interactive", false, 0)]
    [InlineData("""{"envelope_id":"e1","type":"slash_commands","retry_attempt":"2"}""", "slash_commands", false, 0)]
    [InlineData("""{"envelope_id":"e1","type":"slash_commands","retry_attempt":3}""", "slash_commands", false, 3)]
    [InlineData("""{"envelope_id":"e1","type":"slash_commands","retry_attempt":1e30}""", "slash_commands", false, 0)]
    public void From_OptionalFields_Defaulted(string json, string type, bool accepts, int retry)
    {
        var envelope = SocketEnvelope.From(SampleFiles.Element(json));

        Assert.NotNull(envelope);
        Assert.Equal(type, envelope.Type);
        Assert.Equal(accepts, envelope.AcceptsResponsePayload);
        Assert.Equal(retry, envelope.RetryAttempt);
    }

    [Fact]
    public void From_NoPayload_DefaultPayload()
    {
        var envelope = SocketEnvelope.From(SampleFiles.Element("""{"envelope_id":"e1","type":"events_api"}"""));

        Assert.Equal(System.Text.Json.JsonValueKind.Undefined, envelope!.Payload.ValueKind);
    }

    [Fact]
    public void From_EnvelopeBuiltByTheTests_RoundTrips()
    {
        var envelope = TestPayloads.Envelope("e-9", "interactive", new JsonObject { ["type"] = "block_actions" }, acceptsResponsePayload: false, retryAttempt: 2);

        Assert.Equal(("e-9", "interactive", false, 2), (envelope.EnvelopeId, envelope.Type, envelope.AcceptsResponsePayload, envelope.RetryAttempt));
    }
}
