using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Tests.Indexing;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("target", "target", 2, 0)]
    [InlineData("usr", "user", 2, 1)]          // insertion
    [InlineData("targett", "target", 2, 1)]    // deletion
    [InlineData("pegasu", "pegasa", 2, 1)]     // substitution
    [InlineData("tagret", "target", 2, 1)]     // adjacent transposition counts once
    [InlineData("weather", "whether", 2, 2)]
    [InlineData("abc", "xyz", 2, 3)]           // more than max: max + 1
    [InlineData("a", "abcdef", 2, 3)]
    [InlineData("", "ab", 2, 2)]
    public void Bounded_Pairs_GivesDistanceOrMaxPlusOne(string a, string b, int max, int expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, max));
        Assert.Equal(expected, EditDistance.Bounded(b, a, max));
    }
}
