using IncidentBot.Core.Documents;

namespace IncidentBot.Core.Tests.Documents;

public sealed class SeedLoadResultTests
{
    [Fact]
    public void Success_Corpus_IsSuccessWithoutError()
    {
        var corpus = new SeedCorpus("/seeds", [], [], "hash");

        SeedLoadResult result = SeedLoadResult.Success(corpus);

        Assert.True(result.IsSuccess);
        Assert.Same(corpus, result.Corpus);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Failure_Message_IsNotSuccessAndKeepsError()
    {
        SeedLoadResult result = SeedLoadResult.Failure("Seeds folder not found: /x");

        Assert.False(result.IsSuccess);
        Assert.Null(result.Corpus);
        Assert.Equal("Seeds folder not found: /x", result.Error);
    }
}
