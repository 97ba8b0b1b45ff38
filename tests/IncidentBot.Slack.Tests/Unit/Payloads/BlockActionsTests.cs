using System.Text.Json.Nodes;
using IncidentBot.Slack.Messages;
using IncidentBot.Slack.Payloads;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.Payloads;

public sealed class BlockActionsTests
{
    [Fact]
    public void From_OneButton_ReadsTheClick()
    {
        var click = BlockActions.From(TestPayloads.ClickElement("U0CLICK01", (ActionIds.Helpful, "42")));

        Assert.NotNull(click);
        Assert.Equal("U0CLICK01", click.UserId);
        Assert.Equal(TestPayloads.ActionResponseUrl, click.ResponseUrl);
        Assert.Equal(TestPayloads.ChannelId, click.ChannelId);
        Assert.True(click.FromEphemeral);
        var action = Assert.Single(click.Actions);
        Assert.Equal(new BlockAction(ActionIds.Helpful, "42", "answer_actions"), action);
    }

    [Fact]
    public void From_SeveralButtons_KeepsTheirOrder()
    {
        var click = BlockActions.From(TestPayloads.ClickElement("U1", (ActionIds.More, "7:1"), (ActionIds.Share, "7"), ("other", null)));

        Assert.NotNull(click);
        Assert.Equal([ActionIds.More, ActionIds.Share, "other"], click.Actions.Select(a => a.ActionId));
        Assert.Equal(["7:1", "7", null], click.Actions.Select(a => a.Value));
    }

    [Fact]
    public void From_ActionsWithoutActionId_Skipped()
    {
        var node = TestPayloads.ClickNode("U1", (ActionIds.Helpful, "1"));
        node["actions"]!.AsArray().Add(new JsonObject { ["value"] = "2" });
        node["actions"]!.AsArray().Add("not an object");
        node["actions"]!.AsArray().Add(new JsonObject { ["action_id"] = 5 });

        var click = BlockActions.From(TestPayloads.Element(node));

        Assert.Equal(ActionIds.Helpful, Assert.Single(click!.Actions).ActionId);
    }

    [Fact]
    public void From_NotEphemeralContainer_FromEphemeralFalse()
    {
        var node = TestPayloads.ClickNode("U1", (ActionIds.Helpful, "1"));
        node["container"] = new JsonObject { ["type"] = "message", ["is_ephemeral"] = false };

        Assert.False(BlockActions.From(TestPayloads.Element(node))!.FromEphemeral);
    }

    [Fact]
    public void From_NoChannelNoResponseUrl_NullFields()
    {
        var node = TestPayloads.ClickNode("U1", (ActionIds.Helpful, "1"));
        node.Remove("channel");
        node.Remove("response_url");
        node.Remove("container");

        var click = BlockActions.From(TestPayloads.Element(node));

        Assert.NotNull(click);
        Assert.Null(click.ChannelId);
        Assert.Null(click.ResponseUrl);
        Assert.False(click.FromEphemeral);
    }

    [Theory]
    [InlineData("view_submission")]
    [InlineData("shortcut")]
    [InlineData("message_action")]
    [InlineData("BLOCK_ACTIONS")]
    [InlineData("")]
    public void From_OtherInteractiveType_Null(string type)
    {
        var node = TestPayloads.ClickNode("U1", (ActionIds.Helpful, "1"));
        node["type"] = type;

        Assert.Null(BlockActions.From(TestPayloads.Element(node)));
    }

    public static TheoryData<string> Malformed => new()
    {
        """{"type":"block_actions","user":{"id":"U1"},"actions":{"action_id":"ask_helpful"}}""",
        """{"type":"block_actions","user":{"id":"U1"},"actions":"ask_helpful"}""",
        """{"type":"block_actions","user":{"id":"U1"}}""",
        """{"type":"block_actions","actions":[{"action_id":"ask_helpful","value":"1"}]}""",
        """{"type":"block_actions","user":"U1","actions":[{"action_id":"ask_helpful","value":"1"}]}""",
        """{"type":"block_actions","user":{"name":"alice"},"actions":[{"action_id":"ask_helpful","value":"1"}]}""",
        """{"type":"block_actions","user":{"id":42},"actions":[{"action_id":"ask_helpful","value":"1"}]}""",
        """{"user":{"id":"U1"},"actions":[{"action_id":"ask_helpful","value":"1"}]}""",
        """{"type":7,"user":{"id":"U1"},"actions":[]}""",
        """[{"type":"block_actions"}]""",
        "\"block_actions\"",
        "null",
        "42",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void From_Malformed_Null(string json)
    {
        Assert.Null(BlockActions.From(SampleFiles.Element(json)));
    }

    [Fact]
    public void From_DefaultElement_Null()
    {
        Assert.Null(BlockActions.From(default));
    }

    [Fact]
    public void ToString_NeverContainsTheResponseUrl()
    {
        var click = BlockActions.From(TestPayloads.ClickElement("U1", (ActionIds.Share, "3")))!;

        var text = click.ToString();

        Assert.DoesNotContain("hooks.slack", text, StringComparison.Ordinal);
        Assert.DoesNotContain("action-secret", text, StringComparison.Ordinal);
        Assert.Contains("U1", text, StringComparison.Ordinal);
    }
}
