using System.Globalization;
using IncidentBot.Core.Documents;

namespace IncidentBot.Core.Tests.Documents;

public sealed class DocumentMetadataParserTests
{
    [Theory]
    // Front matter.
    [InlineData("---\ntitle: Breach report\ndate: 2019-11-01\nurl: https://example.com/a\n---\nBody text.", "Breach report", "2019-11-01", "https://example.com/a", "Body text.")]
    [InlineData("---\nTitle: \"Quoted: title\"\nDATE: '2019-11-02'\nURL: 'https://x.test'\n---\nBody", "Quoted: title", "2019-11-02", "https://x.test", "Body")]
    [InlineData("---\ntitle: 'It''s \"here\"'\n---\nBody", "It's \"here\"", null, null, "Body")]
    [InlineData("---\ndate: 2019-11-01T10:00:00Z\n---\nBody", null, "2019-11-01", null, "Body")]
    [InlineData("---\ndate: 2019-11-01T23:30:00-05:00\n---\nBody", null, "2019-11-01", null, "Body")]
    [InlineData("---\ndate: 2019-02-30\n---\nBody", null, null, null, "Body")]
    [InlineData("---\ndate: 2019-11-01Tnonsense\n---\nBody", null, null, null, "Body")]
    [InlineData("---\ndate: yesterday\nauthor: someone\n# comment\n\n---\nBody", null, null, null, "Body")]
    [InlineData("---\ntitle: Dotted end\n...\nBody", "Dotted end", null, null, "Body")]
    [InlineData("---\r\ntitle: CRLF\r\n---  \r\nBody\r\n", "CRLF", null, null, "Body\r\n")]
    [InlineData("\uFEFF---\ntitle: After BOM\n---\nBody", "After BOM", null, null, "Body")]
    [InlineData("---\ntitle: ''\n---\n# Heading\nBody", "Heading", null, null, "Body")]
    [InlineData("---\ntitle: Front\n---\n# Heading\nBody", "Front", null, null, "# Heading\nBody")]
    [InlineData("---\ntitle: Never closed\nBody text", null, null, null, "---\ntitle: Never closed\nBody text")]
    [InlineData("Text\n---\ntitle: Not at start\n---\n", null, null, null, "Text\n---\ntitle: Not at start\n---\n")]
    // Leading "date YYYY-MM-DD" (scraped news seeds).
    [InlineData(" date 2019-11-01 New Delhi: Whatsapp said.", null, "2019-11-01", null, "New Delhi: Whatsapp said.")]
    [InlineData("\uFEFF \n DATE 2019-11-01\nBody", null, "2019-11-01", null, "\nBody")]
    [InlineData("date: 2019-11-01 Body", null, "2019-11-01", null, "Body")]
    [InlineData("date 2019-11-01", null, "2019-11-01", null, "")]
    [InlineData("date 2019-13-45 Body", null, null, null, "date 2019-13-45 Body")]
    [InlineData("date 2019-11-01T10:00 Body", null, null, null, "date 2019-11-01T10:00 Body")]
    [InlineData("dated 2019-11-01 Body", null, null, null, "dated 2019-11-01 Body")]
    [InlineData("The date 2019-11-01 is mid-text.", null, null, null, "The date 2019-11-01 is mid-text.")]
    // Markdown heading as title.
    [InlineData("# The Heading\n\nBody", "The Heading", null, null, "\nBody")]
    [InlineData("Intro\n## Sub\n# Main Title #\nBody", "Main Title", null, null, "Intro\n## Sub\nBody")]
    [InlineData("# C#\nBody", "C#", null, null, "Body")]
    [InlineData("#NoSpace\n##  Two\nBody", null, null, null, "#NoSpace\n##  Two\nBody")]
    [InlineData("date 2019-11-01\r\n# Heading\r\nBody", "Heading", "2019-11-01", null, "\r\nBody")]
    [InlineData("", null, null, null, "")]
    public void Parse_Header_ReturnsMetadataAndBody(string text, string? title, string? date, string? url, string body)
    {
        (DocumentMetadata metadata, string actualBody) = DocumentMetadataParser.Parse(text);

        DateOnly? expectedDate = date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(new DocumentMetadata(title, expectedDate, url), metadata);
        Assert.Equal(body, actualBody);
    }

    [Fact]
    public void Parse_NoMetadata_ReturnsEmptyMetadataAndSameText()
    {
        const string text = "Plain paragraph.\n\nAnother one.";

        (DocumentMetadata metadata, string body) = DocumentMetadataParser.Parse(text);

        Assert.Equal(DocumentMetadata.Empty, metadata);
        Assert.Same(text, body);
    }
}
