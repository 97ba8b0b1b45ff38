using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Tests.Answers;

public sealed class HighlightRangesTests
{
    [Theory]
    [InlineData("hello world", new[] { 0, 5 }, "0-5")]
    [InlineData("hello world", new[] { 6, 5, 0, 5 }, "0-5,6-11")]
    [InlineData("hello world", new[] { 0, 6 }, "0-5")]
    [InlineData("hello world", new[] { 0, 5, 5, 1 }, "0-5")]
    [InlineData("hello world", new[] { 0, 5, 3, 5 }, "0-8")]
    [InlineData("hello world", new[] { -3, 5, 9, 100 }, "0-2,9-11")]
    [InlineData("hello world", new[] { 20, 3, 2, 0, 4, -1 }, "")]
    [InlineData("a 😀 b", new[] { 3, 1 }, "2-4")]
    public void Normalize_Spans_ClampedWidenedTrimmedSortedMerged(string text, int[] pairs, string expected)
    {
        var spans = Enumerable.Range(0, pairs.Length / 2).Select(i => new TextSpan(pairs[2 * i], pairs[(2 * i) + 1])).ToList();

        var ranges = HighlightRanges.Normalize(text, spans);

        Assert.Equal(expected, string.Join(",", ranges.Select(r => $"{r.Start}-{r.End}")));
    }
}
