using System.Text;
using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Tests.Answers;

public sealed class QuestionSanitizerTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n  ")]
    [InlineData("\0\u001b")]
    [InlineData("\u200F\u202E\u200E")]
    public void Sanitize_EmptyOrInvisible_ReturnsError(string? raw)
    {
        var (question, error) = QuestionSanitizer.Sanitize(raw);

        Assert.Null(question);
        Assert.Contains("empty", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sanitize_Exactly500Characters_IsAccepted()
    {
        var raw = new string('a', QuestionSanitizer.MaxLength);

        var (question, error) = QuestionSanitizer.Sanitize(raw);

        Assert.Null(error);
        Assert.Equal(raw, question);
    }

    [Fact]
    public void Sanitize_501Characters_ReturnsErrorMentioningTheLimit()
    {
        var (question, error) = QuestionSanitizer.Sanitize(new string('a', QuestionSanitizer.MaxLength + 1));

        Assert.Null(question);
        Assert.Contains("500", error, StringComparison.Ordinal);
        Assert.Contains("501", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_LongOnlyBeforeNormalisation_IsAccepted()
    {
        // 500 decomposed "é" (1,000 UTF-16 units) compose to 500 characters.
        var raw = string.Concat(Enumerable.Repeat("e\u0301", QuestionSanitizer.MaxLength));

        var (question, error) = QuestionSanitizer.Sanitize(raw);

        Assert.Null(error);
        Assert.Equal(new string('\u00e9', QuestionSanitizer.MaxLength), question);
    }

    [Theory]
    [InlineData("users\0targeted", "users targeted")]
    [InlineData("\u001b[31musers\u001b[0m", "[31musers [0m")]
    [InlineData("users\ttargeted", "users targeted")]
    [InlineData("users\ntargeted", "users targeted")]
    [InlineData("users\r\n\r\ntargeted", "users targeted")]
    [InlineData("  users   targeted  ", "users targeted")]
    [InlineData("users\u0007\u0008targeted", "users targeted")]
    [InlineData("users\u0085\u00a0\u2028targeted", "users targeted")]
    public void Sanitize_ControlCharactersAndWhitespace_BecomeSingleSpaces(string raw, string expected)
    {
        var (question, error) = QuestionSanitizer.Sanitize(raw);

        Assert.Null(error);
        Assert.Equal(expected, question);
        Assert.DoesNotContain(question!, char.IsControl);
    }

    [Theory]
    [InlineData("\u200Fusers targeted", "users targeted")]
    [InlineData("users\u202E targeted\u202C", "users targeted")]
    [InlineData("\u200Eמי\u200F?", "מי?")]
    [InlineData("us\u200Bers\uFEFF", "users")]
    [InlineData("\u2066users\u2069", "users")]
    public void Sanitize_DirectionMarksAndInvisibleFormatCharacters_AreRemoved(string raw, string expected)
    {
        var (question, error) = QuestionSanitizer.Sanitize(raw);

        Assert.Null(error);
        Assert.Equal(expected, question);
    }

    [Theory]
    [InlineData("Is 🔥 bad?")]
    [InlineData("👨‍👩‍👧‍👦 family")]
    [InlineData("🏳️‍🌈")]
    [InlineData("כמה משתמשים היו מטרה?")]
    [InlineData("كم عدد المستخدمين؟")]
    [InlineData("AND OR NOT \"(( field:value a~2 * ? \\ [a TO b] {} ^3 &&||! /regex/")]
    public void Sanitize_EmojiRightToLeftAndLuceneSyntax_KeptAsTyped(string raw)
    {
        var (question, error) = QuestionSanitizer.Sanitize(raw);

        Assert.Null(error);
        Assert.Equal(raw, question);
    }

    [Theory]
    [InlineData("cafe\u0301", "caf\u00e9")]
    [InlineData("A\u030angstr\u00f6m", "\u00c5ngstr\u00f6m")]
    [InlineData("\u1100\u1161", "\uac00")]
    public void Sanitize_DecomposedText_IsNormalisedToNfc(string raw, string expected)
    {
        var (question, error) = QuestionSanitizer.Sanitize(raw);

        Assert.Null(error);
        Assert.Equal(expected, question);
        Assert.True(question!.IsNormalized(NormalizationForm.FormC));
    }
}
