using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Timeline;

public sealed class AsOfFilterTests
{
    private static readonly DateOnly AsOf = new(2019, 11, 1);

    [Fact]
    public void Includes_DocumentsDatedOnOrBeforeTheDay_NotLaterOrUndatedOnes()
    {
        Assert.True(AsOfFilter.Includes(new DateOnly(2019, 10, 31), AsOf));
        Assert.True(AsOfFilter.Includes(AsOf, AsOf));
        Assert.False(AsOfFilter.Includes(new DateOnly(2019, 11, 2), AsOf));
        Assert.False(AsOfFilter.Includes((DateOnly?)null, AsOf));
    }

    [Theory]
    [InlineData("2019-11-01", true)]
    [InlineData("2019-10-01", true)]
    [InlineData("2019-11-02", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("not a date", false)]
    public void Includes_StoredDate_ParsesIsoDates(string? stored, bool expected)
    {
        Assert.Equal(expected, AsOfFilter.Includes(stored, AsOf));
    }

    [Theory]
    [InlineData("2019-11-01", true)]
    [InlineData(" 2019-11-01 ", true)]
    [InlineData("2019-13-01", false)]
    [InlineData("2019-02-30", false)]
    [InlineData("01/11/2019", false)]
    [InlineData("2019-11-1", false)]
    [InlineData("yesterday", false)]
    public void TryParse_AcceptsOnlyYearMonthDay(string text, bool valid)
    {
        Assert.Equal(valid, AsOfFilter.TryParse(text, out var date));
        Assert.Equal(valid ? AsOf : default, date);
    }
}
