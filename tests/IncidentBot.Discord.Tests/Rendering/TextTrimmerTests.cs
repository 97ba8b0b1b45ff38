using IncidentBot.Core.Answers;
using IncidentBot.Discord.Rendering;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed class TextTrimmerTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("", 0, "")]
    [InlineData("abc", 0, "")]
    [InlineData("abc", 1, "…")]
    [InlineData("hello world foo", 12, "hello world…")]
    [InlineData("aaaaaaaaaaaaaaa bbbbbbbbbb", 20, "aaaaaaaaaaaaaaa…")]
    [InlineData("aaaa bbbbbbbbbb", 10, "aaaa bbbb…")]
    [InlineData("abcdefghijklmnop", 5, "abcd…")]
    [InlineData("abc\U0001F600def", 5, "abc…")]
    [InlineData("ab\U0001F600def", 5, "ab\U0001F600…")]
    [InlineData("**bold words here**", 10, "**bold**…")]
    [InlineData("**abcd**efgh", 8, "**abc**…")]
    [InlineData("abc **def**", 7, "abc…")]
    [InlineData(@"abc\*def", 5, "abc…")]
    [InlineData(@"ab\\cd", 5, @"ab\\…")]
    [InlineData(@"**a\*b\*c\*d**", 9, @"**a\*b**…")]
    [InlineData("word   \n  next", 10, "word…")]
    public void Truncate_Table_GivesExpected(string text, int maxLength, string expected)
    {
        var result = TextTrimmer.Truncate(text, maxLength);

        Assert.Equal(expected, result);
        Assert.True(result.Length <= maxLength);
    }

    [Fact]
    public void Truncate_NegativeLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextTrimmer.Truncate("abc", -1));
    }

    [Fact]
    public void Truncate_ManyTextsAndLengths_AlwaysWithinLimitAndWellFormed()
    {
        // A fixed-seed generator: failures reproduce. Texts mix words, Markdown, escapes and emoji, and go
        // through Bold like real snippets do.
        var random = new Lcg(20250314);
        string[] pieces = ["word", " ", "  ", "*", "**", "\\", "_", "@here", "<@1>", "\U0001F600", "é", "\n", "1. ", "[x](y)"];
        for (var sample = 0; sample < 300; sample++)
        {
            var raw = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(0, pieces.Length)]));
            var spans = Enumerable.Range(0, random.Next(0, 5))
                .Select(_ => new TextSpan(random.Next(-2, raw.Length + 2), random.Next(0, 8)))
                .ToList();
            var text = random.Next(0, 2) == 0 ? DiscordMarkdown.Bold(raw, spans) : raw;
            for (var max = 0; max <= text.Length + 1; max++)
            {
                var result = TextTrimmer.Truncate(text, max);

                Assert.True(result.Length <= max, $"'{text}' at {max}: '{result}'");
                if (text.Length <= max)
                {
                    Assert.Equal(text, result);
                    continue;
                }

                Assert.True(max == 0 || result.EndsWith('…'), $"'{text}' at {max}: '{result}'");
                var body = result.TrimEnd('…');
                Assert.False(HasLoneSurrogate(body), $"'{text}' at {max}: '{result}'");
                if (text == raw)
                {
                    continue;
                }

                // Only text that went through Bold has balanced Markdown to preserve.
                Assert.True(CountTrailing(body, '\\') % 2 == 0, $"dangling escape: '{text}' at {max}: '{result}'");
                Assert.True(CountBoldMarkers(body) % 2 == 0, $"unclosed bold: '{text}' at {max}: '{result}'");
            }
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
            {
                return true;
            }

            if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountTrailing(string text, char c) => text.Length - text.TrimEnd(c).Length;

    private static int CountBoldMarkers(string text)
    {
        var markers = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                markers++;
                i++;
            }
        }

        return markers;
    }

    /// <summary>Deterministic numbers without System.Random (whose output may change between runtimes).</summary>
    private sealed class Lcg(ulong state)
    {
        public int Next(int min, int max)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            return min + (int)((state >> 33) % (ulong)(max - min));
        }
    }
}
