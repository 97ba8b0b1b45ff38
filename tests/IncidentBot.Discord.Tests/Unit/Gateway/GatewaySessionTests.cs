using IncidentBot.Discord.Gateway;

namespace IncidentBot.Discord.Tests.Unit.Gateway;

public sealed class GatewaySessionTests
{
    private static readonly Uri ResumeUrl = new("wss://gateway-us-east1-b.discord.gg");

    [Fact]
    public void New_HasNothingToResume()
    {
        var session = new GatewaySession();

        Assert.False(session.CanResume);
        Assert.Null(session.SessionId);
        Assert.Null(session.ResumeUrl);
        Assert.Null(session.Sequence);
    }

    [Fact]
    public void Started_KeepsSessionAndUrl_CanResume()
    {
        var session = new GatewaySession();

        session.Started("abc123", ResumeUrl);

        Assert.True(session.CanResume);
        Assert.Equal("abc123", session.SessionId);
        Assert.Equal(ResumeUrl, session.ResumeUrl);
    }

    [Fact]
    public void Saw_KeepsTheLastSequence()
    {
        var session = new GatewaySession();

        session.Saw(1);
        session.Saw(42);

        Assert.Equal(42, session.Sequence);
    }

    [Fact]
    public void Saw_WithoutStarted_CannotResume()
    {
        var session = new GatewaySession();

        session.Saw(7);

        Assert.False(session.CanResume);
    }

    [Fact]
    public void Clear_ForgetsEverything()
    {
        var session = new GatewaySession();
        session.Started("abc123", ResumeUrl);
        session.Saw(42);

        session.Clear();

        Assert.False(session.CanResume);
        Assert.Null(session.SessionId);
        Assert.Null(session.ResumeUrl);
        Assert.Null(session.Sequence);
    }

    [Fact]
    public void Started_AgainAfterClear_CanResumeWithTheNewSession()
    {
        var session = new GatewaySession();
        session.Started("old", ResumeUrl);
        session.Clear();

        session.Started("new", new Uri("wss://gateway-us-west1-a.discord.gg"));

        Assert.True(session.CanResume);
        Assert.Equal("new", session.SessionId);
        Assert.Null(session.Sequence);
    }
}
