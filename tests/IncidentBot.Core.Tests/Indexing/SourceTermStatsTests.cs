using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Tests.Indexing;

public sealed class SourceTermStatsTests
{
    [Fact]
    public void Idf_WordInFewerSentencesOfTheDocument_WeighsMore()
    {
        var stats = SourceTermStats.Count(
        [
            new HashSet<string> { "tesla", "coil" },
            new HashSet<string> { "tesla", "lab" },
            new HashSet<string> { "tesla", "patent" },
        ]);

        Assert.Equal(3, stats.Sentences);
        Assert.True(stats.Idf("coil") > stats.Idf("tesla"), "a word in one sentence must outweigh one in every sentence");
        Assert.True(stats.Idf("absent") > stats.Idf("coil"), "a word the document never uses weighs most");
        Assert.True(stats.Idf("tesla") > 0);
    }
}
