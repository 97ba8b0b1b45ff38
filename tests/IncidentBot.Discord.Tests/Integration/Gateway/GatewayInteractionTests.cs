using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Indexing;
using IncidentBot.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static IncidentBot.Discord.Tests.Integration.Gateway.GatewayHarness;

namespace IncidentBot.Discord.Tests.Integration.Gateway;

/// <summary>INTERACTION_CREATE over the gateway, answered through the REST callback (PROTOCOLS.md §2.6–2.7).</summary>
public sealed class GatewayInteractionTests
{
    [Fact]
    public async Task Ask_OverGateway_CallbackType4WithEmbedButtonsAndNoMentions()
    {
        await using var harness = await StartAsync();
        var (connection, _) = await harness.ConnectReadyAsync();

        var ask = InteractionPayloads.Ask(harness.Fake, AnswerableQuestion);
        await DispatchAsync(connection, ask);
        var (request, body) = await harness.WaitForCallbackAsync(ask);

        Assert.StartsWith("application/json", request.Header("Content-Type") ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("DiscordBot (", request.Header("User-Agent") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        var data = body.GetProperty("data");
        var embed = Assert.Single(data.GetProperty("embeds").EnumerateArray());
        Assert.Contains("1,400", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Empty(data.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        var buttons = data.GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.Equal(2, b.GetProperty("type").GetInt32()));
        Assert.All(buttons, b => Assert.False(string.IsNullOrEmpty(b.GetProperty("custom_id").GetString())));
        Assert.Empty(harness.Fake.Violations);
    }

    [Fact]
    public async Task Ask_QuestionWithMassAndUserMention_CallbackNeverPings()
    {
        await using var harness = await StartAsync();
        var (connection, _) = await harness.ConnectReadyAsync();

        var ask = InteractionPayloads.Ask(harness.Fake, "@everyone <@123> how many users were targeted?");
        await DispatchAsync(connection, ask);
        var (request, body) = await harness.WaitForCallbackAsync(ask);

        Assert.Equal(4, body.GetProperty("type").GetInt32());
        Assert.DoesNotContain("@everyone", request.Body, StringComparison.OrdinalIgnoreCase);
        var strings = Strings(body).ToList();
        Assert.Contains(strings, s => s.Contains("everyone", StringComparison.Ordinal)); // The question is shown...
        Assert.All(strings, s => Assert.DoesNotContain("@everyone", s, StringComparison.OrdinalIgnoreCase)); // ...but broken.
        Assert.All(strings, s => Assert.DoesNotMatch(@"(?<!\\)<@", s)); // <@123> renders as text, not a user chip.
        Assert.Empty(body.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Empty(harness.Fake.Violations);
    }

    /// <summary>
    /// One bad interaction must cost nothing but itself: an unknown type, a <c>d</c> that is not an
    /// interaction, a callback Discord refuses, and a frame that is not even JSON leave the receive loop,
    /// the heartbeats and the next question untouched.
    /// </summary>
    [Fact]
    public async Task BadInteractionsAndMalformedFrames_DoNotStopHeartbeatsOrOtherInteractions()
    {
        const int interval = 400;
        await using var harness = await StartAsync();
        var fake = harness.Fake;
        var (connection, _) = await harness.ConnectReadyAsync(interval);

        var unknownType = InteractionPayloads.Ask(fake, AnswerableQuestion);
        unknownType["type"] = 99;
        await DispatchAsync(connection, unknownType);
        await DispatchAsync(connection, new JsonObject { ["id"] = 5 });
        var refused = InteractionPayloads.Ask(fake, AnswerableQuestion);
        for (var i = 0; i < 5; i++)
        {
            fake.EnqueueFailure("POST", $"/interactions/{Id(refused)}/", 500, """{"message": "500: Internal Server Error", "code": 0}""");
        }

        await DispatchAsync(connection, refused);
        await connection.SendAsync("""{"op":0,"t":"INTERACTION_CREATE","s":5,"d":""");

        var ask = InteractionPayloads.Ask(fake, AnswerableQuestion);
        var askSequence = await DispatchAsync(connection, ask);
        var (_, body) = await harness.WaitForCallbackAsync(ask);
        Assert.Equal(4, body.GetProperty("type").GetInt32());

        // Heartbeats go on after all of it (the fake ACKs them), with the last good sequence.
        while (GatewayAssert.Sequence(await connection.ExpectAsync(1, Wait)) != askSequence)
        {
        }

        await harness.WaitForLogAsync(l => l.Message.Contains("unreadable INTERACTION_CREATE", StringComparison.Ordinal));
        await harness.WaitForLogAsync(l => l.Message.Contains("unreadable gateway payload", StringComparison.Ordinal));
        await harness.WaitForLogAsync(l => l.Message.Contains("refused the response", StringComparison.Ordinal));
        Assert.False(harness.WasAnswered(unknownType), "an interaction of unknown type got a response");
        Assert.Null(connection.ServerCloseCode);
        Assert.Equal(1, fake.ConnectionCount);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Message.Contains("handling a gateway payload failed", StringComparison.Ordinal));
    }

    /// <summary>
    /// A reply not ready within 2 s is deferred (type 5, ephemeral for /reindex) and delivered later by editing
    /// @original. The build is held at its first sentence until the deferral is seen (or 3 s passed), so the
    /// test is deterministic: a client that waits for the build before responding shows up as a type 4 after 3 s.
    /// </summary>
    [Fact]
    public async Task SlowReindex_DeferredWithType5Ephemeral_ThenOriginalEditedWithResult()
    {
        await using var harness = await StartAsync();
        var fake = harness.Fake;
        fake.RequireCallbackBeforeWebhook = true;
        var (connection, _) = await harness.ConnectReadyAsync();
        var index = harness.Services.GetRequiredService<IncidentIndex>();
        using var release = new ManualResetEventSlim();
        var held = 0;
        index.AfterSentenceIndexed = _ =>
        {
            if (Interlocked.Exchange(ref held, 1) == 0)
            {
                release.Wait(TimeSpan.FromSeconds(3));
            }
        };

        try
        {
            var reindex = InteractionPayloads.Reindex(fake, permissions: "32");
            await DispatchAsync(connection, reindex);
            var (_, callback) = await harness.WaitForCallbackAsync(reindex);
            release.Set();

            Assert.True(
                callback.GetProperty("type").GetInt32() == 5,
                "a reply that is not ready within " + InteractionResponder.DeferAfter.TotalSeconds + " s must be deferred (type 5) to meet Discord's 3 s deadline; got " + callback);
            Assert.Equal(64, callback.GetProperty("data").GetProperty("flags").GetInt32());

            var (_, edit) = await harness.WaitForEditAsync(reindex);
            Assert.Contains("Index rebuilt", edit.GetProperty("content").GetString(), StringComparison.Ordinal);
            Assert.Empty(edit.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
            Assert.False(edit.TryGetProperty("flags", out _), "flags cannot be edited: " + edit);
            Assert.Empty(fake.Violations);
        }
        finally
        {
            release.Set();
        }
    }

    /// <summary>The bot token and interaction tokens are credentials: no log line may contain them.</summary>
    [Fact]
    public async Task Logs_NeverContainBotOrInteractionTokens()
    {
        await using var harness = await StartAsync(fake => fake.Token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GxYzAb.secret-part-of-the-bot-token_0123456789");
        var (connection, _) = await harness.ConnectReadyAsync();
        var ask = InteractionPayloads.Ask(harness.Fake, AnswerableQuestion);
        await DispatchAsync(connection, ask);
        await harness.WaitForCallbackAsync(ask);
        await connection.CloseAsync(4000, "Unknown error");
        var resumed = await harness.NextConnectionAsync();
        await resumed.SendHelloAsync(QuietIntervalMs);
        await resumed.ExpectAsync(6, Wait);

        var secrets = new[] { harness.Fake.Token, Token(ask) };
        var leaks = harness.Logs.Lines
            .Where(l => secrets.Any(s => l.Message.Contains(s, StringComparison.Ordinal)))
            .ToList();
        Assert.True(leaks.Count == 0, "log lines with a token:" + Environment.NewLine + string.Join(Environment.NewLine, leaks));
        Assert.Contains(harness.Logs.Lines, l => l.Level >= LogLevel.Information);
    }

    /// <summary>Every string value in a JSON document.</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
