using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Tests.TestSupport;

namespace IncidentBot.Discord.Tests.Unit.Interactions;

public sealed class InteractionOptionsTests
{
    [Fact]
    public void GetString_StringOption_ReturnsTheValue()
    {
        var data = Data(TestInteractions.StringOption("question", "When was it?"));

        Assert.Equal("When was it?", data.GetString("question"));
    }

    [Fact]
    public void GetBoolean_BooleanOption_ReturnsTheValue()
    {
        Assert.True(Data(TestInteractions.BooleanOption("private", true)).GetBoolean("private"));
        Assert.False(Data(TestInteractions.BooleanOption("private", false)).GetBoolean("private"));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[\"a\"]")]
    [InlineData("{\"v\":\"a\"}")]
    [InlineData(null)]
    public void GetString_NotAString_ReturnsNull(string? json)
    {
        Assert.Null(Data(TestInteractions.RawOption("question", 3, json)).GetString("question"));
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("null")]
    [InlineData(null)]
    public void GetBoolean_NotABoolean_ReturnsNull(string? json)
    {
        Assert.Null(Data(TestInteractions.RawOption("private", 5, json)).GetBoolean("private"));
    }

    [Fact]
    public void Get_MissingOption_ReturnsNull()
    {
        var data = Data(TestInteractions.StringOption("question", "x"));

        Assert.Null(data.GetString("other"));
        Assert.Null(data.GetBoolean("private"));
    }

    [Fact]
    public void Get_NameDiffersInCase_ReturnsNull()
    {
        Assert.Null(Data(TestInteractions.StringOption("Question", "x")).GetString("question"));
    }

    [Fact]
    public void Get_NoOptionsOrNoData_ReturnsNull()
    {
        InteractionData? none = null;

        Assert.Null(none.GetString("question"));
        Assert.Null(none.GetBoolean("private"));
        Assert.Null(new InteractionData { Name = "ask" }.GetString("question"));
        Assert.Null(new InteractionData { Name = "ask", Options = [] }.GetBoolean("private"));
    }

    [Fact]
    public void Get_DuplicateNames_UsesTheFirst()
    {
        var data = Data(TestInteractions.StringOption("question", "first"), TestInteractions.StringOption("question", "second"));

        Assert.Equal("first", data.GetString("question"));
    }

    private static InteractionData Data(params InteractionOption[] options) => new() { Name = CommandNames.Ask, Type = 1, Options = options };
}
