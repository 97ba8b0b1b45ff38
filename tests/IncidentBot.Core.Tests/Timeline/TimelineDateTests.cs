using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Timeline;

public sealed class TimelineDateTests
{
    [Fact]
    public void New_MonthOrYear_NormalisesTheStart()
    {
        Assert.Equal(TimelineDate.Month(2019, 5), new TimelineDate(new DateOnly(2019, 5, 17), DatePrecision.Month));
        Assert.Equal(new DateOnly(2019, 1, 1), new TimelineDate(new DateOnly(2019, 5, 17), DatePrecision.Year).Start);
        Assert.Equal(new DateOnly(2019, 5, 17), TimelineDate.Day(new DateOnly(2019, 5, 17)).Start);
    }

    [Theory]
    [InlineData(DatePrecision.Day, "2020-02-10", "2020-02-10", "2020-02-10")]
    [InlineData(DatePrecision.Month, "2020-02-10", "2020-02-29", "2020-02")]
    [InlineData(DatePrecision.Year, "2020-02-10", "2020-12-31", "2020")]
    public void EndAndToString_FollowThePrecision(DatePrecision precision, string start, string end, string text)
    {
        var date = new TimelineDate(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), precision);

        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.End);
        Assert.Equal(text, date.ToString());
        Assert.True(date.Contains(date.Start));
        Assert.True(date.Contains(date.End));
        Assert.False(date.Contains(date.End.AddDays(1)));
        Assert.False(date.Contains(date.Start.AddDays(-1)));
    }
}
