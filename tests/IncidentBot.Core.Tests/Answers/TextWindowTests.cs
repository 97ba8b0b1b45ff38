using System.Globalization;
using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Tests.Answers;

public sealed class TextWindowTests
{
    private const string Ellipsis = "…";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    public void Fit_TextWithinMax_ReturnedUnchanged(int extra)
    {
        const string text = "Over 1,400 users were targeted.";
        TextSpan[] spans = [new(11, 5), new(22, 8)];

        var (window, highlights) = TextWindow.Fit(text, spans, text.Length + extra);

        Assert.Equal(text, window);
        Assert.Equal(spans, highlights);
    }

    [Theory]
    [InlineData(3, 100)]
    [InlineData(40, 100)]
    [InlineData(79, 100)]
    [InlineData(40, 60)]
    [InlineData(10, 400)]
    [InlineData(150, 400)]
    [InlineData(199, 240)]
    public void Fit_LongText_WindowsAroundTheWordWithinMax(int wordIndex, int max)
    {
        var (text, spans) = Words(200, wordIndex);

        var (window, highlights) = TextWindow.Fit(text, spans, max);

        Assert.True(window.Length <= max, $"{window.Length} > {max}");
        var moved = Assert.Single(highlights);
        Assert.Equal(Word(wordIndex), window.Substring(moved.Start, moved.Length));
        AssertEllipsisMarksExactlyTheCuts(text, window);
    }

    [Fact]
    public void Fit_CutAtBothEnds_MarksEachCutWithEllipsisAndCutsBetweenWords()
    {
        var (text, spans) = Words(200, 100);

        var (window, _) = TextWindow.Fit(text, spans, 120);

        Assert.StartsWith(Ellipsis, window, StringComparison.Ordinal);
        Assert.EndsWith(Ellipsis, window, StringComparison.Ordinal);
        var inner = window[1..^1];
        Assert.Contains(inner, text, StringComparison.Ordinal);
        // Whole words only: the inner text starts and ends at word boundaries of the original.
        var at = text.IndexOf(inner, StringComparison.Ordinal);
        Assert.Equal(' ', text[at - 1]);
        Assert.Equal(' ', text[at + inner.Length]);
    }

    [Fact]
    public void Fit_SeveralHighlights_KeepsEveryOneInsideTheWindowShifted()
    {
        var (text, _) = Words(200, 0);
        int[] indexes = [120, 123, 127, 131];
        var spans = indexes.Select(i => Span(text, i)).ToList();

        var (window, highlights) = TextWindow.Fit(text, spans, 200);

        Assert.True(window.Length <= 200);
        Assert.Equal(indexes.Select(Word), highlights.Select(h => window.Substring(h.Start, h.Length)));
    }

    [Fact]
    public void Fit_HighlightsFarApart_KeepsTheDensestClusterAndDropsOthers()
    {
        var (text, _) = Words(200, 0);
        int[] indexes = [5, 150, 152, 154];
        var spans = indexes.Select(i => Span(text, i)).ToList();

        var (window, highlights) = TextWindow.Fit(text, spans, 120);

        var words = highlights.Select(h => window.Substring(h.Start, h.Length)).ToList();
        Assert.Equal([Word(150), Word(152), Word(154)], words);
        Assert.DoesNotContain(Word(5), window, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NoHighlights_KeepsTheStartOfTheText()
    {
        var (text, _) = Words(200, 0);

        var (window, highlights) = TextWindow.Fit(text, [], 100);

        Assert.Empty(highlights);
        Assert.True(window.Length <= 100);
        Assert.StartsWith(Word(0), window, StringComparison.Ordinal);
        Assert.EndsWith(Ellipsis, window, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LongTextWithoutSpaces_StaysWithinMax()
    {
        var text = new string('x', 300) + "target" + new string('y', 300);
        TextSpan[] spans = [new(300, 6)];

        var (window, highlights) = TextWindow.Fit(text, spans, 100);

        Assert.True(window.Length <= 100);
        var moved = Assert.Single(highlights);
        Assert.Equal("target", window.Substring(moved.Start, moved.Length));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Fit_CutThroughEmojiWithoutSpaces_NeverSplitsASurrogatePair(int offset)
    {
        var text = new string('a', offset) + string.Concat(Enumerable.Repeat("😱", 300));
        TextSpan[] spans = [new(offset + 300, 2)];

        var (window, _) = TextWindow.Fit(text, spans, 101);

        Assert.True(window.Length <= 101);
        for (var i = 0; i < window.Length; i++)
        {
            if (char.IsHighSurrogate(window[i]))
            {
                Assert.True(i + 1 < window.Length && char.IsLowSurrogate(window[i + 1]), $"lone high surrogate at {i}");
                i++;
            }
            else
            {
                Assert.False(char.IsLowSurrogate(window[i]), $"lone low surrogate at {i}");
            }
        }
    }

    private static void AssertEllipsisMarksExactlyTheCuts(string text, string window)
    {
        var cutStart = window.StartsWith(Ellipsis, StringComparison.Ordinal);
        var cutEnd = window.EndsWith(Ellipsis, StringComparison.Ordinal);
        var inner = window[(cutStart ? 1 : 0)..(cutEnd ? window.Length - 1 : window.Length)];
        Assert.Contains(inner, text, StringComparison.Ordinal);
        Assert.Equal(!text.StartsWith(inner, StringComparison.Ordinal), cutStart);
        Assert.Equal(!text.EndsWith(inner, StringComparison.Ordinal), cutEnd);
    }

    /// <summary>"w000 w001 … w199": every word is unique and 4 characters long.</summary>
    private static (string Text, TextSpan[] Spans) Words(int count, int highlighted)
    {
        var text = string.Join(' ', Enumerable.Range(0, count).Select(Word));
        return (text, [Span(text, highlighted)]);
    }

    private static string Word(int index) => "w" + index.ToString("000", CultureInfo.InvariantCulture);

    private static TextSpan Span(string text, int wordIndex) => new(text.IndexOf(Word(wordIndex), StringComparison.Ordinal), 4);
}
