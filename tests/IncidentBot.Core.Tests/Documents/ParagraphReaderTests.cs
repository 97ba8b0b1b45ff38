using IncidentBot.Core.Documents;

namespace IncidentBot.Core.Tests.Documents;

public sealed class ParagraphReaderTests
{
    // Expected paragraph texts are separated by '|'.
    [Theory]
    [InlineData("a\nb\n\nc", "a b|c")]
    [InlineData("a\r\nb\r\n\r\nc\r\n", "a b|c")]
    [InlineData("  \n\n a  \n \t \n b \n\n\n", "a|b")]
    [InlineData("word   spaced\tout\u00A0here", "word spaced out here")]
    [InlineData("# Title\n\nText", "Text")]
    [InlineData("# Title\n## Sub\n\n###### Six\n\nText", "Text")]
    [InlineData("Line one\n## Sub\nLine two", "Line one|Line two")]
    [InlineData("#hashtag is text\n\n####### seven is text\n\n#", "#hashtag is text|####### seven is text")]
    [InlineData("\uFEFFFirst\n\nSecond", "First|Second")]
    public void Read_Body_ReturnsExpectedParagraphTexts(string body, string expected)
    {
        IReadOnlyList<DocumentParagraph> paragraphs = ParagraphReader.Read(body);

        Assert.Equal(expected.Split('|'), paragraphs.Select(p => p.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t\n ")]
    [InlineData("# Only\n## Headings")]
    public void Read_NoText_ReturnsEmpty(string body)
    {
        Assert.Empty(ParagraphReader.Read(body));
    }

    [Fact]
    public void Read_SeveralParagraphs_NumbersFromOneAndSplitsSentences()
    {
        const string body = "# Heading\n\nFirst paragraph. It has\ntwo sentences.\n\n\n## Sub\n\nSecond one?! Yes.\n";

        IReadOnlyList<DocumentParagraph> paragraphs = ParagraphReader.Read(body);

        Assert.Collection(
            paragraphs,
            p =>
            {
                Assert.Equal(1, p.Number);
                Assert.Equal("First paragraph. It has two sentences.", p.Text);
                Assert.Equal(["First paragraph.", "It has two sentences."], p.Sentences);
            },
            p =>
            {
                Assert.Equal(2, p.Number);
                Assert.Equal(["Second one?!", "Yes."], p.Sentences);
            });
        Assert.All(paragraphs, p => Assert.Equal(p.Text, string.Join(' ', p.Sentences)));
    }
}
