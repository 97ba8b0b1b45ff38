using IncidentBot.Core.Conversations;
using IncidentBot.Core.Tests.TestSupport;

namespace IncidentBot.Core.Tests.Conversations;

/// <summary>The chat-neutral ask: validation before the rate limit, answers recorded for buttons and feedback.</summary>
public sealed class ChatQuestionsTests : IDisposable
{
    private readonly IndexHarness _index = new();
    private readonly ConversationHarness _data = new();

    public void Dispose()
    {
        _data.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task AskAsync_Answerable_AnsweredAndRecordedWithTheTopCitation()
    {
        var (questions, store) = await CreateAsync();
        using var limiter = new UserRateLimiter(5, TimeSpan.FromSeconds(30));

        var asked = await questions.AskAsync("slack", "U1", "Which keeper logged the storm?", limiter, 5, CancellationToken.None);

        Assert.Equal(ChatAskStatus.Answered, asked.Status);
        Assert.True(asked.Answer!.Answered);
        var stored = await store.FindAskAsync(asked.AskId!.Value, CancellationToken.None);
        Assert.Equal("Which keeper logged the storm?", stored!.Question);
        Assert.Equal("slack", stored.Channel);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AskAsync_InvalidQuestion_RefusedWithoutUsingTheQuota(string text)
    {
        var (questions, _) = await CreateAsync();
        using var limiter = new UserRateLimiter(1, TimeSpan.FromMinutes(5));

        var invalid = await questions.AskAsync("discord", "U1", text, limiter, 5, CancellationToken.None);
        var valid = await questions.AskAsync("discord", "U1", "storm", limiter, 5, CancellationToken.None);

        Assert.Equal(ChatAskStatus.Invalid, invalid.Status);
        Assert.False(string.IsNullOrEmpty(invalid.Error));
        Assert.Equal(ChatAskStatus.Answered, valid.Status);
    }

    [Fact]
    public async Task AskAsync_OverTheLimit_RateLimitedWithAWait_OtherUsersUnaffected()
    {
        var (questions, _) = await CreateAsync();
        using var limiter = new UserRateLimiter(1, TimeSpan.FromMinutes(5));

        await questions.AskAsync("discord", "U1", "storm", limiter, 5, CancellationToken.None);
        var limited = await questions.AskAsync("discord", "U1", "storm", limiter, 5, CancellationToken.None);
        var other = await questions.AskAsync("discord", "U2", "storm", limiter, 5, CancellationToken.None);

        Assert.Equal(ChatAskStatus.RateLimited, limited.Status);
        Assert.InRange(limited.RetryAfterSeconds, 1, 300);
        Assert.Equal(ChatAskStatus.Answered, other.Status);
    }

    [Fact]
    public async Task AskAsync_NoIndexYet_NotReady()
    {
        var index = _index.CreateIndex();
        using var store = _data.CreateStore();
        var questions = new ChatQuestions(_index.CreateEngine(index), store);
        using var limiter = new UserRateLimiter(5, TimeSpan.FromSeconds(30));

        var asked = await questions.AskAsync("slack", "U1", "storm", limiter, 5, CancellationToken.None);

        Assert.Equal(ChatAskStatus.NotReady, asked.Status);
    }

    private async Task<(ChatQuestions Questions, ConversationStore Store)> CreateAsync()
    {
        var index = await _index.CreateReadyIndexAsync(new Dictionary<string, string>
        {
            ["log.txt"] = "The lighthouse keeper Ada Brightwater logged the storm at midnight.",
        });
        var store = _data.CreateStore();
        return (new ChatQuestions(_index.CreateEngine(index), store), store);
    }
}
